package reports

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Sale struct {
	ID     uint
	Region string
	Amount int64
}

var sortColumns = map[string]string{"amount": "amount DESC", "region": "region ASC"}

type API struct{ DB *gorm.DB }

func (a *API) ByRegion(c *gin.Context) {
	var sales []Sale
	a.DB.Raw("SELECT * FROM sales WHERE region = '" + c.Query("region") + "'").Scan(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) ByRegionSafe(c *gin.Context) {
	var sales []Sale
	a.DB.Where("region = ?", c.Query("region")).Find(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) Sorted(c *gin.Context) {
	var sales []Sale
	a.DB.Order(c.DefaultQuery("sort", "id")).Find(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) SortedSafe(c *gin.Context) {
	var sales []Sale
	order, ok := sortColumns[c.Query("sort")]
	if !ok {
		order = "id"
	}
	a.DB.Order(order).Find(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) AboveAmount(c *gin.Context) {
	min, err := strconv.ParseInt(c.Query("min"), 10, 64)
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	var sales []Sale
	a.DB.Where(fmt.Sprintf("amount > %d", min)).Find(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) ByRep(c *gin.Context) {
	var sales []Sale
	a.DB.Where(fmt.Sprintf("rep_name = '%s'", c.Param("rep"))).Find(&sales)
	c.JSON(http.StatusOK, sales)
}

func (a *API) Summary(c *gin.Context) {
	title := c.Query("title")
	c.Header("Content-Type", "text/html")
	c.String(http.StatusOK, "<h2>"+title+"</h2><p>see dashboard</p>")
}

func (a *API) SummaryJSON(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"title": c.Query("title")})
}

func (a *API) Back(c *gin.Context) {
	c.Redirect(http.StatusFound, c.Query("return"))
}

func (a *API) Home(c *gin.Context) {
	c.Redirect(http.StatusFound, "/reports/"+strconv.Itoa(int(c.GetInt("uid"))))
}
