// `npm run docs:cost`: writes docs/cost.md from the tfvars (infra/cost/cost-page.ts).
import { writeFileSync } from 'node:fs';
import { COST_PAGE, costPage } from './cost-page';

void costPage().then((page) => {
  writeFileSync(COST_PAGE, page);
  console.log(`Wrote ${COST_PAGE}`);
});
