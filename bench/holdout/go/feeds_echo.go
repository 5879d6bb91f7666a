package feeds

import (
	"encoding/xml"
	"io"
	"net/http"
	"regexp"

	"github.com/antchfx/xmlquery"
	"github.com/labstack/echo/v4"
	"github.com/lestrrat-go/libxml2/parser"
)

type Item struct {
	SKU   string  `xml:"sku"`
	Price float64 `xml:"price"`
}

type Catalog struct {
	Items []Item `xml:"item"`
}

var skuPattern = regexp.MustCompile(`^[A-Z0-9-]{3,20}$`)

func Routes(e *echo.Echo) {
	e.POST("/feeds/catalog", importCatalog)
	e.POST("/feeds/legacy", importLegacy)
	e.POST("/feeds/legacy-safe", importLegacySafe)
	e.POST("/feeds/price", priceOf)
	e.POST("/feeds/price-checked", priceChecked)
	e.POST("/feeds/count", countItems)
	e.GET("/feeds/pull", pull)
}

func importCatalog(c echo.Context) error {
	var cat Catalog
	if err := xml.NewDecoder(c.Request().Body).Decode(&cat); err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	return c.JSON(http.StatusOK, map[string]int{"items": len(cat.Items)})
}

func importLegacy(c echo.Context) error {
	body, _ := io.ReadAll(c.Request().Body)
	p := parser.New(parser.XMLParseNoEnt | parser.XMLParseDTDLoad)
	doc, err := p.Parse(body)
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	defer doc.Free()
	return c.String(http.StatusOK, "imported")
}

func importLegacySafe(c echo.Context) error {
	body, _ := io.ReadAll(c.Request().Body)
	p := parser.New(parser.XMLParseNoNet)
	doc, err := p.Parse(body)
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	defer doc.Free()
	return c.String(http.StatusOK, "imported")
}

func priceOf(c echo.Context) error {
	doc, err := xmlquery.Parse(c.Request().Body)
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	node := xmlquery.FindOne(doc, "//item[sku='"+c.QueryParam("sku")+"']/price")
	if node == nil {
		return c.NoContent(http.StatusNotFound)
	}
	return c.String(http.StatusOK, node.InnerText())
}

func priceChecked(c echo.Context) error {
	sku := c.QueryParam("sku")
	if !skuPattern.MatchString(sku) {
		return c.NoContent(http.StatusBadRequest)
	}
	doc, err := xmlquery.Parse(c.Request().Body)
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	node := xmlquery.FindOne(doc, "//item[sku='"+sku+"']/price")
	if node == nil {
		return c.NoContent(http.StatusNotFound)
	}
	return c.String(http.StatusOK, node.InnerText())
}

func countItems(c echo.Context) error {
	doc, err := xmlquery.Parse(c.Request().Body)
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	tag := c.QueryParam("tag")
	nodes := xmlquery.Find(doc, "//item[@tag='"+tag+"']")
	return c.JSON(http.StatusOK, map[string]int{"count": len(nodes)})
}

func pull(c echo.Context) error {
	source := c.QueryParam("source")
	resp, err := http.Get(source + "/export.xml")
	if err != nil {
		return c.NoContent(http.StatusBadGateway)
	}
	defer resp.Body.Close()
	return c.Stream(http.StatusOK, "application/xml", resp.Body)
}
