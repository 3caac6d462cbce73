namespace CoalitionDashboard.Data;

/// <summary>Human labels for the vocabularies, as shown in the UI, charts and exports.</summary>
public static class Vocabulary
{
    public static string Label(PledgeCategory category) => category switch
    {
        PledgeCategory.GroundForces => "Ground forces",
        PledgeCategory.Air => "Air",
        PledgeCategory.Maritime => "Maritime",
        PledgeCategory.MonitoringVerification => "Monitoring & verification",
        PledgeCategory.MilitaryHubs => "Military hubs & facilities",
        PledgeCategory.TrainingRegeneration => "Training & regeneration",
        PledgeCategory.FinancingWeapons => "Financing & weapons",
        PledgeCategory.Reconstruction => "Reconstruction",
        PledgeCategory.CoordinationCommand => "Coordination & command",
        PledgeCategory.PoliticalLegal => "Political & legal guarantee",
        _ => "Other",
    };

    public static string Label(PledgeStatus status) => status switch
    {
        PledgeStatus.SignedDeclarationOfIntent => "Signed declaration of intent",
        PledgeStatus.AdoptedJointDeclaration => "Adopted in joint declaration",
        PledgeStatus.Announced => "Announced",
        PledgeStatus.ConditionalOffer => "Conditional offer",
        PledgeStatus.Undecided => "Undecided",
        PledgeStatus.Statement => "Statement",
        PledgeStatus.Reported => "Reported (unconfirmed)",
        PledgeStatus.Draft => "Draft (unsigned)",
        PledgeStatus.Declined => "Declined",
        _ => "Dropped from final text",
    };

    public static string Label(TroopsPosition troops) => troops switch
    {
        TroopsPosition.Offered => "Offers forces in Ukraine",
        TroopsPosition.Possible => "Forces in Ukraine possible",
        TroopsPosition.OutsideUkraine => "Forces outside Ukraine only",
        _ => "Declines forces in Ukraine",
    };

    public static string Label(EventKind kind) => kind switch
    {
        EventKind.War => "War",
        EventKind.Summit => "Summit",
        EventKind.VirtualMeeting => "Virtual meeting",
        EventKind.Ministerial => "Ministerial / military",
        EventKind.Negotiations => "Negotiations",
        _ => "Statement",
    };

    public static string Label(EventStatus status) => status switch
    {
        EventStatus.Happened => "Happened",
        EventStatus.Announced => "Announced (outcome not reported)",
        EventStatus.Reported => "Reported (one party's claim)",
        EventStatus.Contested => "Contested",
        _ => "Unverified (C-grade sources only)",
    };

    /// <summary>" (announced: outcome not reported)" after an event's title, nothing for one that happened.</summary>
    public static string Qualifier(EventStatus status) => status == EventStatus.Happened ? "" : $" ({Label(status).ToLowerInvariant()})";

    public static string Label(PartyRole role) => role switch
    {
        PartyRole.Lead => "Lead",
        PartyRole.Party => "Party",
        PartyRole.Contributor => "Contributor",
        PartyRole.Partner => "Partner (named, not bound)",
        _ => "Host",
    };

    public static string Label(Attendance attendance) => attendance switch
    {
        Attendance.Confirmed => "Confirmed",
        Attendance.Listed => "Listed (not separately confirmed)",
        _ => "Unconfirmed",
    };

    public static string Label(RepresentativeLevel level) => level switch
    {
        RepresentativeLevel.Leader => "Head of state or government",
        RepresentativeLevel.Minister => "Minister",
        RepresentativeLevel.AmbassadorEnvoy => "Ambassador / envoy",
        _ => "Official",
    };

    public static string Label(Reliability reliability) => reliability switch
    {
        Reliability.A => "A · official",
        Reliability.B => "B · established outlet",
        _ => "C · secondary",
    };
}
