package com.acme.billing.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** Connections for the nightly billing batch, which runs outside the app server. */
public final class DatabaseConfig {

    private static final String LEDGER_URL = "jdbc:postgresql://ledger-db.internal:5432/ledger";
    private static final String ARCHIVE_URL = "jdbc:postgresql://archive-db.internal:5432/archive";

    private DatabaseConfig() {
    }

    public static Connection ledger() throws SQLException {
        return DriverManager.getConnection(LEDGER_URL, "billing_batch", "Ledg3r#Batch!2022");
    }

    public static Connection archive() throws SQLException {
        String user = Objects.requireNonNull(System.getenv("ARCHIVE_DB_USER"), "ARCHIVE_DB_USER");
        String password = Objects.requireNonNull(System.getenv("ARCHIVE_DB_PASSWORD"), "ARCHIVE_DB_PASSWORD");
        return DriverManager.getConnection(ARCHIVE_URL, user, password);
    }
}
