import { $, $$, browser, by, element } from 'protractor';
import { testId } from './locators';
import { SignInPage } from './sign-in-page';
import { click, noOverlayOpen, shown, textOf, until } from './waits';

/** What surrounds every screen once signed in: the dealer's menu and the dealership they work in. */
export class Shell {
  readonly userMenu = $(testId('user-menu'));
  readonly userName = $(testId('user-name'));
  readonly userEmail = $(testId('user-email'));
  readonly signOutItem = $(testId('sign-out'));
  /** Only for dealers with more than one dealership; the others see its name. */
  readonly dealershipSwitcher = $(testId('dealership-switcher'));
  readonly dealershipOptions = $$(testId('dealership-option'));
  readonly dealershipName = $(testId('dealership-name'));
  readonly roleBadge = $(testId('role-badge'));
  readonly inventoryLink = $(testId('nav-inventory'));
  /** Only for roles that read leads (all of them today). */
  readonly leadsLink = $(testId('nav-leads'));
  /** Only for group owners (rooftops:manage). */
  readonly rooftopsLink = $(testId('nav-rooftops'));
  /** For roles that read deals (deals:read): everyone but viewers. */
  readonly dealsLink = $(testId('nav-deals'));
  /** For roles that read analytics (analytics:read): everyone but finance managers. */
  readonly analyticsLink = $(testId('nav-analytics'));
  readonly teamLink = $(testId('nav-team'));

  async waitUntilLoaded(): Promise<void> {
    await shown(this.userMenu, 'the signed-in shell (user menu)');
  }

  /** The signed-in dealer's name and email, as the user menu shows them. */
  async signedInAs(): Promise<{ name: string; email: string }> {
    await this.openUserMenu();
    const who = { name: await textOf(this.userName), email: await textOf(this.userEmail) };
    await this.closeMenu();
    return who;
  }

  /** Signs out through the user menu; the portal hands over to the identity provider's logout. */
  async signOut(): Promise<SignInPage> {
    await this.openUserMenu();
    await click(this.signOutItem, 'Sign out');
    // From here on the browser leaves the Angular app (provider logout, then its sign-in page).
    await browser.waitForAngularEnabled(false);
    const signIn = new SignInPage();
    await signIn.waitUntilShown();
    return signIn;
  }

  /** The dealership the dealer works in, whichever way the toolbar shows it. */
  async activeDealership(): Promise<string> {
    if (await this.dealershipSwitcher.isPresent()) {
      // The switcher reads "<name> ▾".
      return (await textOf(this.dealershipSwitcher)).replace('▾', '').trim();
    }
    return textOf(this.dealershipName);
  }

  /** Names of the dealerships the switcher offers. */
  async dealershipChoices(): Promise<string[]> {
    await this.openSwitcher();
    const names: string[] = [];
    for (const option of await this.dealershipOptions) {
      // First line is the name; the second reads "City, Region · Role".
      const [name = ''] = (await option.getText()).split('\n');
      names.push(name.trim());
    }
    await this.closeMenu();
    return names;
  }

  async switchDealership(name: string): Promise<void> {
    await this.openSwitcher();
    await click(element(by.cssContainingText(testId('dealership-option'), name)), `the dealership "${name}"`);
    await noOverlayOpen();
    await until(async () => (await this.activeDealership()) === name, `the switcher to show "${name}"`);
  }

  async goToInventory(): Promise<void> {
    await noOverlayOpen();
    await click(this.inventoryLink, 'Inventory in the navigation');
  }

  async goToLeads(): Promise<void> {
    await noOverlayOpen();
    await click(this.leadsLink, 'Leads in the navigation');
  }

  async goToDeals(): Promise<void> {
    await noOverlayOpen();
    await click(this.dealsLink, 'Deals in the navigation');
  }

  async goToAnalytics(): Promise<void> {
    await noOverlayOpen();
    await click(this.analyticsLink, 'Analytics in the navigation');
  }

  async goToTeam(): Promise<void> {
    await noOverlayOpen();
    await click(this.teamLink, 'Team in the navigation');
  }

  async goToRooftops(): Promise<void> {
    await noOverlayOpen();
    await click(this.rooftopsLink, 'Rooftops in the navigation');
  }

  private async openUserMenu(): Promise<void> {
    await noOverlayOpen();
    await click(this.userMenu, 'the user menu');
    await shown(this.signOutItem, 'the user menu');
  }

  private async openSwitcher(): Promise<void> {
    await noOverlayOpen();
    await click(this.dealershipSwitcher, 'the dealership switcher');
    await shown(this.dealershipOptions.first(), 'the dealership choices');
  }

  private async closeMenu(): Promise<void> {
    await $('.cdk-overlay-backdrop').click();
    await noOverlayOpen();
  }
}
