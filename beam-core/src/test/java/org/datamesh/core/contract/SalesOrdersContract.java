package org.datamesh.core.contract;

/** A complete, realistic contract the tests load and then break in one place at a time. */
final class SalesOrdersContract {

  private SalesOrdersContract() {}

  static final String YAML =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: urn:datacontract:sales:orders
      name: Sales orders
      version: 1.0.0
      status: active
      domain: sales
      dataProduct: orders
      description:
        purpose: Every confirmed sales order, one row per order.
        usage: Revenue reporting and demand forecasting.
        limitations: Cancelled orders are not included.
      team:
        name: sales-data
        members:
          - username: jdoe
            role: owner
      schema:
        - name: orders
          physicalName: orders_v1
          physicalType: table
          description: Confirmed orders.
          properties:
            - name: order_id
              logicalType: string
              physicalType: varchar(20)
              description: The order's identifier.
              required: true
              unique: true
              primaryKey: true
              primaryKeyPosition: 1
              classification: internal
              logicalTypeOptions:
                pattern: "^ORD-[0-9]{8}$"
                minLength: 12
                maxLength: 12
              quality:
                - metric: nullValues
                  mustBe: 0
                  severity: error
                - metric: duplicateValues
                  mustBe: 0
                  dimension: uniqueness
            - name: amount
              logicalType: number
              physicalType: DECIMAL(18, 4)
              required: true
              logicalTypeOptions:
                minimum: 0
                exclusiveMaximum: 1000000.5
            - name: currency
              logicalType: string
              physicalType: char(3)
              required: true
              quality:
                - metric: invalidValues
                  arguments:
                    validValues: [EUR, USD, GBP]
                  mustBeLessOrEqualTo: 0.5
                  unit: percent
                  severity: warning
            - name: order_ts
              logicalType: timestamp
              physicalType: timestamp
              required: true
            - name: order_date
              logicalType: date
              partitioned: true
              partitionKeyPosition: 1
            - name: quantity
              logicalType: integer
              physicalType: int
              logicalTypeOptions:
                minimum: 1
                maximum: 1000
            - name: customer_email
              physicalType: varchar(320)
              classification: restricted
              customProperties:
                - property: pii
                  value: true
          quality:
            - name: volume
              metric: rowCount
              mustBeBetween: [1, 5000000]
              severity: warning
      servers:
        - server: local-lake
          type: local
          path: /data/products
          format: parquet
          environment: dev
        - server: lake
          type: s3
          location: s3://acme-lake/products
          format: parquet
          environment: prod
        - server: events
          type: kafka
          host: kafka-1:9092
          format: avro
      slaProperties:
        - property: retention
          value: 30
          unit: d
        - property: freshness
          value: 6
          unit: hours
        - property: latency
          value: 15
          unit: m
      """;
}
