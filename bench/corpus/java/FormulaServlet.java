package com.acme.pricing.web;

import java.io.IOException;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Spreadsheet-style price formulas for the quoting tool. */
@WebServlet("/pricing/formula")
public class FormulaServlet extends HttpServlet {

    private static final String SHIPPING_FORMULA =
            "weight <= 2 ? 4.90 : 4.90 + Math.ceil(weight - 2) * 1.15";

    private final ScriptEngineManager engines = new ScriptEngineManager();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String formula = request.getParameter("formula");
        response.setContentType("text/plain;charset=UTF-8");
        ScriptEngine js = engines.getEngineByName("javascript");
        try {
            Object value = js.eval(formula);
            response.getWriter().print(String.valueOf(value));
        } catch (ScriptException e) {
            response.sendError(400, "formula error");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        double weight;
        try {
            weight = Double.parseDouble(request.getParameter("weight"));
        } catch (NumberFormatException | NullPointerException e) {
            response.sendError(400, "weight must be a number");
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        ScriptEngine js = engines.getEngineByName("javascript");
        Bindings bindings = js.createBindings();
        bindings.put("weight", weight);
        try {
            response.getWriter().print(String.valueOf(js.eval(SHIPPING_FORMULA, bindings)));
        } catch (ScriptException e) {
            throw new ServletException(e);
        }
    }
}
