/**
 * A typical single-prospect lead as a marketplace sends it: used car, one customer with two
 * phones and an address, vendor and provider. The benchmark's document, and a handy example.
 */
export const TYPICAL_ADF_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
  <prospect status="new">
    <id sequence="1" source="Cars.com">CC-7F3A-2291</id>
    <requestdate>2026-11-20T08:30:00-05:00</requestdate>
    <vehicle interest="buy" status="used">
      <year>2021</year>
      <make>Honda</make>
      <model>Accord</model>
      <vin>1HGCV1F34MA012345</vin>
      <stock>U1234</stock>
      <trim>EX-L</trim>
      <odometer status="original" units="miles">30211</odometer>
      <colorcombination>
        <interiorcolor>Black</interiorcolor>
        <exteriorcolor>Still Night Pearl</exteriorcolor>
        <preference>1</preference>
      </colorcombination>
      <price type="quote" currency="USD">24995</price>
      <comments>Listing 412203987</comments>
    </vehicle>
    <customer>
      <contact primarycontact="1">
        <name part="first">Jane</name>
        <name part="last">Doe</name>
        <email>jane.doe@example.com</email>
        <phone type="voice" time="day">555-010-2000</phone>
        <phone type="cellphone">555-010-2001</phone>
        <address type="home">
          <street line="1">1 Main St</street>
          <city>Springfield</city>
          <regioncode>IL</regioncode>
          <postalcode>62701</postalcode>
          <country>US</country>
        </address>
      </contact>
      <timeframe>
        <description>within 2 weeks</description>
      </timeframe>
      <comments>Is it still available? Can I come by Saturday morning?</comments>
    </customer>
    <vendor>
      <vendorname>Springfield Honda</vendorname>
      <contact>
        <name part="full">Internet Sales</name>
        <email>sales@springfieldhonda.example</email>
      </contact>
    </vendor>
    <provider>
      <name part="full">Cars.com</name>
      <service>Used Car Leads</service>
      <url>https://www.cars.com</url>
      <email>leads@cars.com</email>
    </provider>
  </prospect>
</adf>
`;
