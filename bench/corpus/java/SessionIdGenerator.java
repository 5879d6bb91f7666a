package com.acme.kiosk.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Session ids for the in-store kiosks, which keep sessions in memory only. */
public final class SessionIdGenerator {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 24;

    private final Map<String, String> sessionsByTerminal = new ConcurrentHashMap<>();

    public String newSessionId() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[(int) (Math.random() * ALPHABET.length)]);
        }
        return id.toString();
    }

    public String open(String terminalId) {
        String sessionId = newSessionId();
        sessionsByTerminal.put(terminalId, sessionId);
        return sessionId;
    }

    public boolean isCurrent(String terminalId, String sessionId) {
        return sessionId != null && sessionId.equals(sessionsByTerminal.get(terminalId));
    }

    public void close(String terminalId) {
        sessionsByTerminal.remove(terminalId);
    }
}
