namespace Monitor.Detection.Roles;

/// <summary>
/// Signal weights (score 0-100+, reported at <see cref="RoleScore.ReportAt"/>). Baseline signals (novelty against
/// the role's history) are learned, not reported, during the learning period; intrinsic ones fire from the first day.
/// </summary>
internal static class RoleWeights
{
    public const int NewCaller = 30;
    public const int NewCallerAfterOwnChange = 15;
    public const int UnknownProvider = 30;
    public const int NewExternalAccount = 25;
    public const int UntrustedAccount = 15;
    public const int NewNetwork = 20;
    public const int NewAgent = 15;
    public const int UnusualHour = 10;
    public const int MfaNotUsed = 15;
    public const int ChainDepthTwo = 20;
    public const int ChainDepthThree = 30;
    public const int OffensiveAgent = 40;
    public const int ByRoot = 25;
    public const int AssumeRoot = 25;
    public const int OffInstance = 50;
    public const int InstanceAgentChanged = 20;
    public const int MultipleNetworks = 35;
    public const int SessionAgentChanged = 15;
    public const int DenialBurst = 40;
    public const int SuspiciousOrigin = 15;
}
