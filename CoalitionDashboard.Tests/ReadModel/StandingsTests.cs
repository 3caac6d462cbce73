using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Tests.ReadModel;

/// <summary>
/// The one computation of a country's standing: only records it is bound by count, its latest dated position on
/// forces stands (a later refusal supersedes an earlier offer and the other way round), the data decides where the
/// dates cannot, and every record stays in the history with what superseded it.
/// </summary>
public sealed class StandingsTests
{
    private static readonly DateOnly Sep2025 = new(2025, 9, 4);
    private static readonly DateOnly Jan2026 = new(2026, 1, 6);
    private static readonly DateOnly Feb2026 = new(2026, 2, 24);

    private static PledgeFact Pledge(string id, DateOnly date, PledgeStatus status, TroopsPosition? troops, params (string Iso3, PartyRole Role)[] parties) =>
        new(id, id + " title", "", null, status, troops, PledgeCategory.GroundForces, [PledgeCategory.GroundForces], date, null,
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), false, parties, CoalitionDashboard.Data.Reliability.B, []);

    private static PledgeFacts Facts(params PledgeFact[] pledges) => new(
        [new("ITA", "Italy", true, true), new("USA", "United States", false, true), new("UKR", "Ukraine", false, false), new("ROU", "Romania", true, true)],
        pledges);

    [Fact]
    public void LaterRefusal_SupersedesAnEarlierOffer_AndTheEarlierOneStaysInTheHistory()
    {
        var facts = Facts(
            Pledge("P25", Sep2025, PledgeStatus.ConditionalOffer, TroopsPosition.OutsideUkraine, ("ITA", PartyRole.Party)),
            Pledge("P24", Jan2026, PledgeStatus.Declined, TroopsPosition.Declined, ("ITA", PartyRole.Party)));

        var italy = facts.Standings(Jan2026, null)["ITA"];

        Assert.Equal(TroopsPosition.Declined, italy.Forces);
        Assert.Equal(PledgeStatus.Declined, italy.StrongestCommitment);
        Assert.Equal(["P24"], italy.Basis);
        Assert.Equal(["P25", "P24"], italy.History.Select(h => h.PledgeId));
        Assert.Equal("P24", italy.History[0].SupersededBy);
        Assert.Null(italy.History[1].SupersededBy);
    }

    [Fact]
    public void LaterOffer_SupersedesAnEarlierRefusal()
    {
        var facts = Facts(
            Pledge("A", Sep2025, PledgeStatus.Declined, TroopsPosition.Declined, ("ITA", PartyRole.Party)),
            Pledge("B", Feb2026, PledgeStatus.Announced, TroopsPosition.Offered, ("ITA", PartyRole.Party)));

        Assert.Equal(TroopsPosition.Offered, facts.Standings(Feb2026, null)["ITA"].Forces);
        Assert.Equal(TroopsPosition.Declined, facts.Standings(Jan2026, null)["ITA"].Forces);
    }

    [Fact]
    public void AsOfADate_RecordsDatedAfterItAreNotCounted()
    {
        var facts = Facts(
            Pledge("P25", Sep2025, PledgeStatus.ConditionalOffer, TroopsPosition.OutsideUkraine, ("ITA", PartyRole.Party)),
            Pledge("P24", Jan2026, PledgeStatus.Declined, TroopsPosition.Declined, ("ITA", PartyRole.Party)));

        var before = facts.Standings(new DateOnly(2025, 12, 31), null)["ITA"];
        var beforeAnything = facts.Standings(new DateOnly(2025, 1, 1), null)["ITA"];

        Assert.Equal(TroopsPosition.OutsideUkraine, before.Forces);
        Assert.Equal(PledgeStatus.ConditionalOffer, before.StrongestCommitment);
        Assert.Equal(["P25"], before.History.Select(h => h.PledgeId));
        Assert.Null(beforeAnything.Forces);
        Assert.Null(beforeAnything.StrongestCommitment);
        Assert.Equal("none", beforeAnything.ForcesSlug);
    }

    [Fact]
    public void APartnerNamedInAText_IsNotBoundByIt()
    {
        var facts = Facts(
            Pledge("P09", Jan2026, PledgeStatus.AdoptedJointDeclaration, null, ("USA", PartyRole.Partner)),
            Pledge("P12", Jan2026, PledgeStatus.Statement, null, ("USA", PartyRole.Party)));

        var us = facts.Standings(Jan2026, null)["USA"];

        Assert.Equal(PledgeStatus.Statement, us.StrongestCommitment);
        Assert.Equal(["P12"], us.Basis);
        Assert.DoesNotContain(us.History, h => h.PledgeId == "P09");
    }

    [Fact]
    public void TheHost_SignsButOffersNoForcesToItself()
    {
        var facts = Facts(Pledge("P13", Jan2026, PledgeStatus.SignedDeclarationOfIntent, TroopsPosition.Offered, ("UKR", PartyRole.Host)));

        var ukraine = facts.Standings(Jan2026, null)["UKR"];

        Assert.Null(ukraine.Forces);
        Assert.Equal(PledgeStatus.SignedDeclarationOfIntent, ukraine.StrongestCommitment);
    }

    [Fact]
    public void AnUnconfirmedReport_DoesNotOutrankAConfirmedRefusal()
    {
        var facts = Facts(
            Pledge("P40", Jan2026, PledgeStatus.Declined, TroopsPosition.Declined, ("ROU", PartyRole.Party)),
            Pledge("P41", Jan2026, PledgeStatus.Reported, null, ("ROU", PartyRole.Party)));

        var romania = facts.Standings(Jan2026, null)["ROU"];

        Assert.Equal(PledgeStatus.Declined, romania.StrongestCommitment);
        Assert.Equal(TroopsPosition.Declined, romania.Forces);
        Assert.Equal(["P41"], romania.Unconfirmed.Select(s => s.PledgeId));
        Assert.Contains(StandingText.Lines(romania), line => line.Contains("reported (unconfirmed)", StringComparison.Ordinal));
    }

    [Fact]
    public void WithNothingConfirmed_TheReportIsWhatStands()
    {
        var facts = Facts(Pledge("R", Jan2026, PledgeStatus.Reported, null, ("ROU", PartyRole.Party)));

        Assert.Equal(PledgeStatus.Reported, facts.Standings(Jan2026, null)["ROU"].StrongestCommitment);
    }

    [Fact]
    public void WhereTheDatesCannotDecide_TheRecordThatSaysSoSupersedes()
    {
        var offer = Pledge("X1", Jan2026, PledgeStatus.Announced, TroopsPosition.Offered, ("ITA", PartyRole.Party));
        var refusal = Pledge("X2", Jan2026, PledgeStatus.Declined, TroopsPosition.Declined, ("ITA", PartyRole.Party)) with { Supersedes = ["X1"] };

        var italy = Facts(offer, refusal).Standings(Jan2026, null)["ITA"];

        Assert.Equal(TroopsPosition.Declined, italy.Forces);
        Assert.Equal("X2", italy.History.Single(h => h.PledgeId == "X1").SupersededBy);
        Assert.Equal(PledgeStatus.Declined, italy.StrongestCommitment);
    }

    [Fact]
    public void AReliabilityThreshold_LeavesOutRecordsOnWeakerSources()
    {
        var weak = Pledge("C1", Feb2026, PledgeStatus.Announced, TroopsPosition.Offered, ("ITA", PartyRole.Party)) with { BestReliability = CoalitionDashboard.Data.Reliability.C };
        var facts = Facts(Pledge("P24", Jan2026, PledgeStatus.Declined, TroopsPosition.Declined, ("ITA", PartyRole.Party)), weak);

        Assert.Equal(TroopsPosition.Offered, facts.Standings(Feb2026, null)["ITA"].Forces);
        Assert.Equal(TroopsPosition.Declined, facts.Standings(Feb2026, CoalitionDashboard.Data.Reliability.B)["ITA"].Forces);
    }
}
