using Monitor.LeastPrivilege.Resources;

namespace Monitor.Core.Tests.LeastPrivilege.Resources;

public sealed class ResourceGeneralizerTests
{
    private static readonly ResourceGeneralizer Default = new(new GeneralizationOptions());

    [Fact]
    public void Generalize_KeepsObjectKeysBelowTheThreshold() =>
        Default.Generalize(["arn:aws:s3:::b/in/a.csv", "arn:aws:s3:::b/in/b.csv"]).ShouldBe(["arn:aws:s3:::b/in/a.csv", "arn:aws:s3:::b/in/b.csv"]);

    [Fact]
    public void Generalize_CollapsesManyKeysToTheirCommonFolder() =>
        Default.Generalize(["arn:aws:s3:::b/in/2025/a.csv", "arn:aws:s3:::b/in/2025/b.csv", "arn:aws:s3:::b/in/2024/c.csv"]).ShouldBe(["arn:aws:s3:::b/in/*"]);

    [Fact]
    public void Generalize_CutsKeysAtAFolderBoundary_NotMidName() =>
        Default.Generalize(["arn:aws:s3:::b/report-1", "arn:aws:s3:::b/report-2", "arn:aws:s3:::b/report-3"]).ShouldBe(["arn:aws:s3:::b/*"]);

    [Fact]
    public void Generalize_CollapsesManyNamesToTheNarrowestPrefix()
    {
        var roles = Enumerable.Range(1, 5).Select(i => $"arn:aws:iam::123456789012:role/app-worker-{i}");

        Default.Generalize(roles).ShouldBe(["arn:aws:iam::123456789012:role/app-worker-*"]);
    }

    [Fact]
    public void Generalize_KeepsNamesBelowTheThreshold()
    {
        var roles = Enumerable.Range(1, 4).Select(i => $"arn:aws:iam::123456789012:role/app-{i}").ToArray();

        Default.Generalize(roles).ShouldBe(roles);
    }

    [Fact]
    public void Generalize_NeverWidensAcrossAccounts()
    {
        var arns = Enumerable.Range(1, 3).Select(i => $"arn:aws:iam::111111111111:role/app-r{i}")
            .Concat(Enumerable.Range(1, 3).Select(i => $"arn:aws:iam::222222222222:role/app-r{i}"));

        var result = new ResourceGeneralizer(new GeneralizationOptions { Names = 3 }).Generalize(arns);

        result.ShouldBe(["arn:aws:iam::111111111111:role/app-r*", "arn:aws:iam::222222222222:role/app-r*"]);
    }

    [Fact]
    public void Generalize_NeverMergesBucketsByName()
    {
        var buckets = Enumerable.Range(1, 6).Select(i => $"arn:aws:s3:::logs-{i}").ToArray();

        Default.Generalize(buckets).ShouldBe(buckets);
    }

    [Fact]
    public void Generalize_WildcardsOnlyAtTheEnd()
    {
        var arns = Enumerable.Range(1, 6).Select(i => $"arn:aws:logs:us-east-1:123456789012:log-group:/app/{i}:log-stream:s");

        Default.Generalize(arns).ShouldAllBe(a => !a.Contains('*') || a.IndexOf('*') == a.Length - 1);
    }

    [Fact]
    public void Generalize_DropsWhatAWildcardAlreadyCovers() =>
        Default.Generalize(["arn:aws:ec2:us-east-1:123456789012:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"])
            .ShouldBe(["arn:aws:ec2:us-east-1:123456789012:instance/*"]);

    [Fact]
    public void Generalize_StarAbsorbsEverything() => Default.Generalize(["*", "arn:aws:s3:::b"]).ShouldBe(["*"]);

    [Fact]
    public void Generalize_IsOrderIndependent()
    {
        string[] arns = ["arn:aws:s3:::b/x/1", "arn:aws:s3:::b/x/2", "arn:aws:s3:::b/x/3", "arn:aws:iam::123456789012:role/a"];

        Default.Generalize(arns).ShouldBe(Default.Generalize(arns.Reverse()));
    }

    [Fact]
    public void Generalize_WholeType_CollapsesEveryGroupToItsType() =>
        new ResourceGeneralizer(new GeneralizationOptions { WholeType = true }).Generalize(["arn:aws:iam::123456789012:role/a", "arn:aws:s3:::b"])
            .ShouldBe(["arn:aws:iam::123456789012:role/*", "arn:aws:s3:::b"]);
}

public sealed class ResourceGeneralizerClusterTests
{
    [Fact]
    public void Generalize_KeepsUnrelatedNames_EvenAboveTheThreshold()
    {
        var roles = new[] { "alpha", "bravo", "charlie", "delta", "echo" }.Select(n => $"arn:aws:iam::123456789012:role/{n}").ToArray();

        new ResourceGeneralizer(new GeneralizationOptions()).Generalize(roles).ShouldBe(roles);
    }

    [Fact]
    public void Generalize_Coarse_ClustersByFirstSegment()
    {
        var roles = Enumerable.Range(0, 8).Select(i => $"arn:aws:iam::123456789012:role/team{i % 2}-app-{i}-x");

        new ResourceGeneralizer(new GeneralizationOptions { Names = 2, Coarse = true }).Generalize(roles)
            .ShouldBe(["arn:aws:iam::123456789012:role/team0-app-*", "arn:aws:iam::123456789012:role/team1-app-*"]);
    }
}
