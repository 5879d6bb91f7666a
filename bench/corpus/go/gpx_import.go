package tracks

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/lestrrat-go/libxml2"
	"github.com/lestrrat-go/libxml2/parser"
	"github.com/lestrrat-go/libxml2/xpath"
)

const maxTrackSize = 10 << 20

// Import reads a GPX file exported from a GPS watch and returns the number of track points.
func Import(c *gin.Context) {
	upload, err := c.FormFile("track")
	if err != nil || upload.Size > maxTrackSize {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	f, err := upload.Open()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	defer f.Close()
	p := parser.New(parser.XMLParseDTDLoad | parser.XMLParseNoEnt | parser.XMLParseDTDAttr)
	doc, err := p.ParseReader(f)
	if err != nil {
		c.AbortWithStatus(http.StatusUnprocessableEntity)
		return
	}
	defer doc.Free()
	points := xpath.Number(doc.Find("count(//*[local-name()='trkpt'])"))
	c.JSON(http.StatusOK, gin.H{"points": strconv.Itoa(int(points))})
}

// Peek reads only the track name for the upload preview.
func Peek(c *gin.Context) {
	upload, err := c.FormFile("track")
	if err != nil || upload.Size > maxTrackSize {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	f, err := upload.Open()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	defer f.Close()
	doc, err := libxml2.ParseReader(f)
	if err != nil {
		c.AbortWithStatus(http.StatusUnprocessableEntity)
		return
	}
	defer doc.Free()
	c.JSON(http.StatusOK, gin.H{"name": xpath.String(doc.Find("string(//*[local-name()='trk']/*[local-name()='name'])"))})
}
