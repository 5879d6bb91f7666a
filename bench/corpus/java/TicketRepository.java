package com.acme.helpdesk.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.springframework.stereotype.Repository;

/** Ticket queries for the help-desk queue views. */
@Repository
public class TicketRepository {

    private static final Logger LOG = Logger.getLogger(TicketRepository.class.getName());

    @PersistenceContext
    private EntityManager em;

    public List<Ticket> byAssignee(String assignee) {
        return em.createQuery(
                        "SELECT t FROM Ticket t WHERE t.assignee = :assignee ORDER BY t.priority DESC",
                        Ticket.class)
                .setParameter("assignee", assignee)
                .getResultList();
    }

    public List<Ticket> search(String subjectWords) {
        String jpql = "SELECT t FROM Ticket t WHERE lower(t.subject) LIKE '%"
                + subjectWords.toLowerCase() + "%' ORDER BY t.createdAt DESC";
        return em.createQuery(jpql, Ticket.class).setMaxResults(50).getResultList();
    }

    /** Closed tickets moved to the archive service; this queue lists open ones only. */
    public List<Ticket> queue(String requestedStatus) {
        String status = requestedStatus;
        if (!"OPEN".equals(status)) {
            LOG.fine(() -> "queue asked for status " + requestedStatus + ", listing OPEN");
            status = "OPEN";
        }
        String jpql = "SELECT t FROM Ticket t WHERE t.status = '" + status + "' ORDER BY t.priority DESC";
        return em.createQuery(jpql, Ticket.class).getResultList();
    }
}
