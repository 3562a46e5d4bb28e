using System.Diagnostics;
using Monitor.LeastPrivilege.Catalog;

namespace Monitor.Core.Tests.LeastPrivilege.Catalog;

public sealed class IamCatalogTests
{
    [Fact]
    public void Embedded_HoldsEveryServiceOfTheSnapshot()
    {
        var catalog = IamCatalog.Embedded;

        catalog.Services.Count.ShouldBe(456);
        catalog.ActionCount.ShouldBe(22091);
    }

    [Fact]
    public void Embedded_LoadsFastOnceDecompressed()
    {
        var watch = Stopwatch.StartNew();
        using var resource = typeof(IamCatalog).Assembly.GetManifestResourceStream("Monitor.LeastPrivilege.iam-catalog.json.gz")!;
        using var gzip = new System.IO.Compression.GZipStream(resource, System.IO.Compression.CompressionMode.Decompress);
        var catalog = IamCatalogReader.Read(gzip);
        watch.Stop();

        catalog.ActionCount.ShouldBe(22091);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        resource.Length.ShouldBeLessThan(300_000);
    }

    [Theory]
    [InlineData("s3", "getobject", "s3:GetObject", AccessLevel.Read)]
    [InlineData("IAM", "PutRolePolicy", "iam:PutRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("iam", "TagRole", "iam:TagRole", AccessLevel.Tagging)]
    [InlineData("ec2", "DescribeInstances", "ec2:DescribeInstances", AccessLevel.List)]
    [InlineData("amplify", "CreateWebhook", "amplify:CreateWebHook", AccessLevel.Write)]
    public void Find_IgnoresCase_AndAnswersInCatalogCasing(string service, string name, string expected, AccessLevel level)
    {
        var action = IamCatalog.Embedded.Find(service, name).ShouldNotBeNull();

        action.Action.ToString().ShouldBe(expected);
        action.Level.ShouldBe(level);
    }

    [Fact]
    public void Find_ReturnsNull_ForAnActionThatDoesNotExist()
    {
        IamCatalog.Embedded.Find("s3:DeleteBucketOwnershipControls").ShouldBeNull();
        IamCatalog.Embedded.Find("rds:RestoreDBInstanceFromS").ShouldBeNull();
        IamCatalog.Embedded.Find("nope").ShouldBeNull();
    }

    [Fact]
    public void ResourceTypes_MarkRequiredTypes_AndGiveArnTemplates()
    {
        var passRole = IamCatalog.Embedded.Find("iam:PassRole")!;

        passRole.ResourceTypes.ShouldBe([new ResourceTypeRef("role", true)]);
        IamCatalog.Embedded.ArnTemplate("iam", "role").ShouldBe("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
        IamCatalog.Embedded.Find("s3:ListAllMyBuckets")!.SupportsResourceScoping.ShouldBeFalse();
    }

    [Theory]
    [InlineData("s3:GetObject", 1)]
    [InlineData("sqs:*", 20)]
    [InlineData("iam:List*", -1)]
    [InlineData("S3:getobject", 1)]
    [InlineData("nosuch:*", 0)]
    public void Expand_MatchesWildcardsCaseInsensitively(string pattern, int count)
    {
        var actions = IamCatalog.Embedded.Expand(pattern).ToList();

        if (count >= 0)
        {
            actions.Count.ShouldBe(count);
        }
        else
        {
            actions.Count.ShouldBeGreaterThan(30);
            actions.ShouldAllBe(a => a.Action.Service == "iam" && a.Action.Name.StartsWith("List"));
        }
    }

    [Fact]
    public void Expand_Star_IsEveryAction() => IamCatalog.Embedded.Expand("*").Count().ShouldBe(22091);
}
