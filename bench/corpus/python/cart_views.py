"""Shopping cart views for the Django storefront."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Cart, Product

CART_COOKIE_AGE = 14 * 24 * 3600


@require_POST
def add_to_cart(request):
    product = get_object_or_404(Product, pk=int(request.POST["product_id"]), active=True)
    cart = Cart.objects.for_request(request)
    cart.add(product, quantity=int(request.POST.get("quantity", 1)))
    request.session["last_added_product"] = product.pk
    response = JsonResponse({"items": cart.item_count})
    response.set_cookie("cart_token", cart.token, max_age=CART_COOKIE_AGE)
    return response


@require_POST
def apply_coupon(request):
    cart = Cart.objects.for_request(request)
    code = request.POST.get("coupon", "").upper()
    request.session["coupon_code"] = code
    request.session["coupon_discount"] = request.POST.get("discount_percent")
    return JsonResponse({"coupon": code, "total": str(cart.total())})


def checkout_started(request):
    cart = Cart.objects.for_request(request)
    response = JsonResponse({"items": cart.item_count, "total": str(cart.total())})
    response.set_signed_cookie(
        "checkout_cart",
        cart.token,
        salt="checkout",
        max_age=3600,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return response
