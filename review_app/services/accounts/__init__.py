"""Accounts: registration, passwords, tokens, signing in and out, who is acting."""
