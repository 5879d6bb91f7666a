package com.acme.shop.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Adds products to the cart and applies promotion codes. */
@WebServlet(urlPatterns = {"/cart/add", "/cart/promo"})
public class CartServlet extends HttpServlet {

    private final ProductCatalog catalog = ProductCatalog.instance();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession();
        if (request.getServletPath().endsWith("/promo")) {
            String promo = request.getParameter("code");
            session.setAttribute("promoCode", promo);
            session.setAttribute("promoPercent", request.getParameter("percent"));
            response.sendRedirect(request.getContextPath() + "/cart");
            return;
        }
        long productId;
        try {
            productId = Long.parseLong(request.getParameter("product"));
        } catch (NumberFormatException e) {
            response.sendError(400);
            return;
        }
        Product product = catalog.find(productId);
        if (product == null) {
            response.sendError(404);
            return;
        }
        session.setAttribute("lastAddedProduct", product);
        Cookie cartCookie = new Cookie("CART_ID", CartIds.forSession(session.getId()));
        cartCookie.setPath("/");
        cartCookie.setSecure(true);
        cartCookie.setHttpOnly(false);
        response.addCookie(cartCookie);
        response.sendRedirect(request.getContextPath() + "/cart");
    }
}
