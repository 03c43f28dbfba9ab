package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code team} (both forms), {@code roles}, {@code support} and {@code price}. */
class TeamAndAccessCheckTest {

  @Test
  void theTeamIsAMappingWithMembersOrAListOfMembers() {
    assertThat(
        problems("team:\n  name: sales\n  members:\n    - {username: ada, role: owner,"
            + " dateIn: 2024-01-15}\n"),
        empty());
    assertThat(problems("team:\n  - {username: ada, role: owner}\n"), empty());
    assertThat(
        problems("team: sales\n"),
        contains(
            "team (line 6): must be a team (a mapping with name, members, ...) or, as before ODCS"
                + " v3.1, a list of members; not a string"));
  }

  @Test
  void aMemberHasAUsernameAndDatesAsDates() {
    assertThat(
        problems("team:\n  members:\n    - {name: Ada, dateOut: 15.01.2024}\n"),
        contains(
            "team.members[0].username (line 8): missing; ODCS requires it in a team member",
            "team.members[0].dateOut (line 8): must be a date as yyyy-MM-dd, such as 2024-03-05"));
    assertThat(
        problems("team:\n  - {username: ada, team: sales}\n"),
        contains(
            "team[0].team (line 7): not a key ODCS allows in a team member; allowed: username, id,"
                + " name, description, role, dateIn, dateOut, replacedByUsername, tags,"
                + " customProperties, authoritativeDefinitions"));
  }

  @Test
  void rolesNameTheirRole() {
    assertThat(problems("roles:\n  - {role: analyst, access: read, firstLevelApprovers: x}\n"), empty());
    assertThat(
        problems("roles:\n  - {access: write, id: 'no spaces allowed'}\n"),
        contains(
            "roles[0].role (line 7): missing; ODCS requires it in a role",
            "roles[0].id (line 7): must be an identifier of letters, digits, '_' and '-'"));
  }

  @Test
  void supportChannelsNameTheirChannel() {
    assertThat(problems("support:\n  - {channel: '#sales', tool: slack, scope: issues}\n"), empty());
    assertThat(
        problems("support:\n  - {tool: slack}\n"),
        contains("support[0].channel (line 7): missing; ODCS requires it in a support channel"));
  }

  @Test
  void aPriceHasANumericAmount() {
    assertThat(problems("price: {priceAmount: 9.5, priceCurrency: EUR, priceUnit: month}\n"), empty());
    assertThat(
        problems("price: {priceAmount: nine, tax: 0}\n"),
        contains(
            "price.priceAmount (line 6): must be a number, not a string",
            "price.tax (line 6): not a key ODCS allows in a price; allowed: id, priceAmount,"
                + " priceCurrency, priceUnit"));
  }
}
