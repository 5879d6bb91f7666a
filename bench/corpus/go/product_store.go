package catalog

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

type Product struct {
	ID    int     `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

type ProductStore struct {
	db *sql.DB
}

func NewProductStore(db *sql.DB) *ProductStore {
	return &ProductStore{db: db}
}

func (s *ProductStore) Search(term string) ([]Product, error) {
	query := fmt.Sprintf("SELECT id, name, price FROM products WHERE name LIKE '%%%s%%' ORDER BY name", term)
	rows, err := s.db.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var products []Product
	for rows.Next() {
		var p Product
		if err := rows.Scan(&p.ID, &p.Name, &p.Price); err != nil {
			return nil, err
		}
		products = append(products, p)
	}
	return products, rows.Err()
}

func (s *ProductStore) ByID(id int) (Product, error) {
	var p Product
	row := s.db.QueryRow(fmt.Sprintf("SELECT id, name, price FROM products WHERE id = %d", id))
	err := row.Scan(&p.ID, &p.Name, &p.Price)
	return p, err
}

func RegisterProductRoutes(r *gin.Engine, store *ProductStore) {
	r.GET("/products/search", func(c *gin.Context) {
		products, err := store.Search(c.Query("q"))
		if err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		c.JSON(http.StatusOK, products)
	})

	r.GET("/products/:id", func(c *gin.Context) {
		id, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		product, err := store.ByID(id)
		if err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		c.JSON(http.StatusOK, product)
	})
}
