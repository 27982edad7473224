/**
 * The products messages are searched for, as the workbook's Products sheet lists them:
 * {@link dev.dmbot.server.products.ProductsSheet} reads it into the
 * {@link dev.dmbot.server.entities.ProductCatalog} the entity extraction uses.
 */
package dev.dmbot.server.products;
