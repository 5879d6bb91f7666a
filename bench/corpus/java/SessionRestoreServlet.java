package com.acme.shop.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Restores a guest's saved basket and wish list from their cookies. */
@WebServlet(urlPatterns = {"/basket/restore", "/wishlist/restore"})
public class SessionRestoreServlet extends HttpServlet {

    private static final ObjectInputFilter WISHLIST_CLASSES = ObjectInputFilter.Config.createFilter(
            "com.acme.shop.model.WishList;com.acme.shop.model.WishListItem;java.util.ArrayList;"
                    + "java.lang.String;java.lang.Long;java.lang.Number;!*");

    private static byte[] cookieBytes(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(name)) {
                    return Base64.getUrlDecoder().decode(cookie.getValue());
                }
            }
        }
        return null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        boolean wishList = request.getServletPath().startsWith("/wishlist");
        byte[] data = cookieBytes(request, wishList ? "wishlist" : "basket");
        if (data == null) {
            response.setStatus(204);
            return;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            Object restored;
            if (wishList) {
                in.setObjectInputFilter(WISHLIST_CLASSES);
                restored = in.readObject();
            } else {
                restored = in.readObject();
            }
            response.setContentType("application/json");
            response.getWriter().print(CartJson.render(restored));
        } catch (ClassNotFoundException | InvalidClassException e) {
            response.sendError(400);
        }
    }
}
