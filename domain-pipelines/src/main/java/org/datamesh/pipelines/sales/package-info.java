/**
 * The sales domain's consumer-aligned products: the demand forecast and recommendations from
 * co-purchase similarity, each with a backtest against its baseline.
 */
package org.datamesh.pipelines.sales;
