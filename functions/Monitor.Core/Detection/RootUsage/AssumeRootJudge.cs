using System.Text.Json.Nodes;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Centralized root access: the management (or delegated admin) account's <c>sts:AssumeRoot</c> call, reported about
/// the caller. Its issued session key is kept as a fact, so the member account's root activity signed with it names
/// who started the session (<see cref="ApiJudge"/>). Nobody else links the two sides.
/// </summary>
internal static class AssumeRootJudge
{
    public static void Judge(RootEvent call, Judgment judgment)
    {
        if (!call.Succeeded)
        {
            return;
        }

        var rule = RootRules.AssumeRoot;
        var evidence = new JsonObject
        {
            ["eventNames"] = new JsonArray("AssumeRoot"),
            ["targetPrincipal"] = call.TargetPrincipal,
            ["taskPolicyArn"] = call.TaskPolicyArn,
            ["issuedAccessKeyId"] = call.IssuedKey,
            ["sourceIp"] = call.SourceRaw,
            ["userAgent"] = call.UserAgent,
            ["region"] = call.Region,
            ["mfaUsed"] = call.MfaUsed,
        };
        judgment.Report(rule.Build(
            [rule.Name, call.EventKey],
            new FindingAbout(call.Account, call.Principal, call.Time, call.EventId),
            [rule.Name, RootFindings.MfaSignal(call.MfaUsed)],
            evidence,
            $"{rule.Title} ({call.Account})"));
    }
}
