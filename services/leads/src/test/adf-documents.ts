/** An ADF document as marketplaces send it, one <prospect> per shopper. */
export function adfDocument(
  prospects: Array<{ id?: string; first: string; last: string; email?: string; phone?: string }>,
) {
  const body = prospects
    .map(
      (p) => `
  <Prospect status="new">
    ${p.id ? `<id sequence="1" source="CarMarket">${p.id}</id>` : ''}
    <requestdate>2026-11-20T08:30:00-05:00</requestdate>
    <vehicle interest="buy" status="used">
      <year>2021</year><make>Honda</make><model>Accord</model><stock>U1234</stock>
      <price type="quote" currency="USD">24995</price>
    </vehicle>
    <customer>
      <contact>
        <name part="first">${p.first}</name><name part="last">${p.last}</name>
        ${p.email ? `<email>${p.email}</email>` : ''}
        ${p.phone ? `<phone type="voice">${p.phone}</phone>` : ''}
      </contact>
      <comments>Is it still available?</comments>
    </customer>
    <provider><name part="full">CarMarket</name></provider>
  </Prospect>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<ADF>${body}\n</ADF>\n`;
}
