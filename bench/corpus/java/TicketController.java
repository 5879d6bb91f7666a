package com.acme.helpdesk.web;

import com.acme.helpdesk.repository.Ticket;
import com.acme.helpdesk.repository.TicketRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
public class TicketController {

    private final TicketRepository tickets;

    public TicketController(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/assigned")
    public List<Ticket> assigned(@RequestParam String assignee) {
        return tickets.byAssignee(assignee);
    }

    @GetMapping("/search")
    public List<Ticket> search(@RequestParam("q") String words) {
        return tickets.search(words);
    }

    @GetMapping("/queue")
    public List<Ticket> queue(@RequestParam(defaultValue = "OPEN") String status) {
        return tickets.queue(status);
    }
}
