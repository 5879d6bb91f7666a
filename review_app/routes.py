"""Every page route in one place."""

HOME = "/"
LOGIN = "/login"
REGISTER = "/register"
EDITOR = "/editor"
HISTORY = "/history"
DASHBOARD = "/dashboard"
ADMIN = "/admin"
REVIEW = "/reviews"  # /reviews/<review id>
