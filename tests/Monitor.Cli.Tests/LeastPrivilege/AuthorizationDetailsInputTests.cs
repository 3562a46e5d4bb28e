using Monitor.Cli.Replay;
using Monitor.Envelopes;

namespace Monitor.Cli.Tests.LeastPrivilege;

public sealed class AuthorizationDetailsInputTests
{
    [Fact]
    public async Task Classify_RecognisesAuthorizationDetails_SoReplayPassesOverThem()
    {
        var file = Path.Combine(RepositoryPaths.Events, "least-privilege", "authorization-details.json");

        var classification = await InputClassifier.ClassifyAsync(file, TestContext.Current);

        classification.Shape.ShouldBe(InputShapes.AuthorizationDetails);
    }
}
