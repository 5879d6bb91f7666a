package pricing

import (
	"net/http"

	"github.com/dop251/goja"
	"github.com/gin-gonic/gin"
)

type CartLine struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
	Qty   int     `json:"qty"`
}

type quoteRequest struct {
	Lines  []CartLine `json:"lines"`
	Script string     `json:"script"`
}

// Shipping fee rules maintained by the ops team and compiled once at start-up.
var feeProgram = goja.MustCompile("fee.js", `
	var total = 0;
	for (var i = 0; i < lines.length; i++) { total += lines[i].Price * lines[i].Qty; }
	total >= 50 ? 0 : 4.95;
`, true)

func RegisterPricing(r *gin.Engine) {
	r.POST("/pricing/fee", func(c *gin.Context) {
		var req quoteRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		vm := goja.New()
		vm.Set("lines", req.Lines)
		fee, err := vm.RunProgram(feeProgram)
		if err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		c.JSON(http.StatusOK, gin.H{"fee": fee.Export()})
	})

	// Merchants can try out their own discount scripts against a sample cart.
	r.POST("/pricing/discount/try", func(c *gin.Context) {
		var req quoteRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		vm := goja.New()
		vm.Set("lines", req.Lines)
		result, err := vm.RunString(req.Script)
		if err != nil {
			c.JSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, gin.H{"discount": result.Export()})
	})
}
