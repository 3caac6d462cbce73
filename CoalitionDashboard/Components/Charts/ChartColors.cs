using CoalitionDashboard.Data;

namespace CoalitionDashboard.Components.Charts;

/// <summary>
/// One colour per vocabulary value, the same on every chart and the map. Picked from colour-blind-safe sets
/// (Okabe–Ito, Tableau 10) and readable on both themes and on a projector.
/// </summary>
public static class ChartColors
{
    public static string Of(PledgeStatus status) => status switch
    {
        PledgeStatus.SignedDeclarationOfIntent => "#1b5e20",
        PledgeStatus.AdoptedJointDeclaration => "#009e73",
        PledgeStatus.Announced => "#56b4e9",
        PledgeStatus.ConditionalOffer => "#0072b2",
        PledgeStatus.Undecided => "#e69f00",
        PledgeStatus.Statement => "#9e9e9e",
        PledgeStatus.Reported => "#cc79a7",
        PledgeStatus.Draft => "#b39ddb",
        PledgeStatus.Declined => "#d55e00",
        _ => "#8d6e63",
    };

    public static string Of(PledgeCategory category) => category switch
    {
        PledgeCategory.GroundForces => "#4e79a7",
        PledgeCategory.Air => "#76b7b2",
        PledgeCategory.Maritime => "#1f77b4",
        PledgeCategory.MonitoringVerification => "#59a14f",
        PledgeCategory.MilitaryHubs => "#edc948",
        PledgeCategory.TrainingRegeneration => "#f28e2b",
        PledgeCategory.FinancingWeapons => "#e15759",
        PledgeCategory.Reconstruction => "#b07aa1",
        PledgeCategory.CoordinationCommand => "#9c755f",
        PledgeCategory.PoliticalLegal => "#ff9da7",
        _ => "#bab0ac",
    };

    public static string Of(TroopsPosition troops) => troops switch
    {
        TroopsPosition.Offered => "#1b7837",
        TroopsPosition.Possible => "#7fbf7b",
        TroopsPosition.OutsideUkraine => "#0072b2",
        _ => "#d55e00",
    };

    public static string Of(EventKind kind) => kind switch
    {
        EventKind.War => "#d55e00",
        EventKind.Summit => "#0072b2",
        EventKind.VirtualMeeting => "#56b4e9",
        EventKind.Ministerial => "#009e73",
        EventKind.Negotiations => "#e69f00",
        _ => "#cc79a7",
    };
}
