using Monitor.Detection;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>The sample role story in events/: four quiet weeks, then exactly the attack's findings.</summary>
public sealed class RoleStoryTests
{
    private static string Sample => Path.Combine(RepositoryFiles.Events, "sqs-role-story.json");

    private static string Objects => Path.Combine(RepositoryFiles.Events, "objects");

    [Fact]
    public async Task Story_ReportsExactlyTheAttack()
    {
        var replay = new RoleReplay();
        await replay.FeedSqsEventAsync(Sample, Objects);

        foreach (var f in replay.Sorted())
        {
            Console.WriteLine(FindingJson.ToJsonLine(f));
        }

        replay.Findings.Count.ShouldBe(5);
    }
}
