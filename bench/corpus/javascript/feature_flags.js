"use strict";

const EventEmitter = require("events");

class FeatureFlags extends EventEmitter {
  constructor(initial = {}) {
    super();
    this.flags = new Map(Object.entries(initial));
  }

  isEnabled(name, context = {}) {
    const flag = this.flags.get(name);
    if (!flag) {
      return false;
    }
    if (flag.teams && context.teamId !== undefined) {
      return flag.teams.includes(context.teamId);
    }
    return Boolean(flag.enabled);
  }

  update(name, definition) {
    const previous = this.flags.get(name);
    this.flags.set(name, { ...previous, ...definition });
    this.emit("change", name, this.flags.get(name));
  }

  snapshot() {
    return Object.fromEntries(this.flags);
  }
}

module.exports = { FeatureFlags };
