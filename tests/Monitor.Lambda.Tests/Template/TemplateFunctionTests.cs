using System.Text.Json.Nodes;
using Monitor.Lambda.Handlers;

namespace Monitor.Lambda.Tests.Template;

/// <summary>The functions in template.yaml agree with the code: handlers it dispatches, variables it reads, how it is built.</summary>
public sealed class TemplateFunctionTests
{
    private readonly SamTemplate _template = SamTemplate.Load();

    private IEnumerable<(string Name, JsonObject Resource)> Functions => _template.OfType("AWS::Serverless::Function");

    [Fact]
    public void EveryHandler_IsOneTheBootstrapDispatches()
    {
        Functions.ShouldNotBeEmpty();
        foreach (var (name, function) in Functions)
        {
            var handler = _template.FunctionProperty(function, "Handler")?.GetValue<string>();
            HandlerCatalog.Names.ShouldContain(handler, $"{name} names handler '{handler}'");
        }
    }

    [Fact]
    public void EveryFunction_IsTheAotBootstrapOnProvidedAl2023()
    {
        var makefile = File.ReadAllText(RepositoryFiles.PathOf("Makefile"));
        foreach (var (name, function) in Functions)
        {
            _template.FunctionProperty(function, "Runtime")?.GetValue<string>().ShouldBe("provided.al2023");
            _template.FunctionProperty(function, "Architectures")!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["x86_64"]);
            function["Metadata"]?["BuildMethod"]?.GetValue<string>().ShouldBe("makefile");
            makefile.ShouldContain($"\nbuild-{name}:", customMessage: $"Makefile has no target for {name}");
        }
    }

    [Fact]
    public void EveryVariableTheCodeReads_IsSet_AndNoOtherIs()
    {
        var deployed = Settings.Variables.Where(v => v.Use is SettingUse.Required or SettingUse.Optional).Select(v => v.Name).ToList();
        var known = Settings.Variables.Where(v => v.Use != SettingUse.Override).Select(v => v.Name).ToHashSet();
        foreach (var (name, function) in Functions)
        {
            var environment = _template.EnvironmentOf(function);
            deployed.Where(v => !environment.ContainsKey(v)).ShouldBeEmpty($"{name} misses variables the code reads");
            environment.Keys.Where(v => !known.Contains(v)).ShouldBeEmpty($"{name} sets variables the code does not read (or test-only overrides)");
        }
    }

    [Fact]
    public void EverySqsTriggeredFunction_ReportsBatchItemFailures_AndItsQueueHasADlq()
    {
        var events = Functions.SelectMany(f => ((f.Resource["Properties"]?["Events"] as JsonObject) ?? []).Select(e => (Function: f, Event: e.Value!.AsObject())))
            .Where(e => e.Event["Type"]?.GetValue<string>() == "SQS")
            .ToList();

        events.ShouldNotBeEmpty();
        foreach (var ((name, function), sqsEvent) in events)
        {
            var properties = sqsEvent["Properties"]!;
            properties["FunctionResponseTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("ReportBatchItemFailures", name);
            properties["BatchSize"].ShouldNotBeNull(name);
            properties["MaximumBatchingWindowInSeconds"].ShouldNotBeNull(name);
            properties["ScalingConfig"]?["MaximumConcurrency"].ShouldNotBeNull(name);

            var queue = SamTemplate.TargetOf(properties["Queue"]).ShouldNotBeNull();
            var queueProperties = _template.PropertiesOf(queue);
            var dlq = SamTemplate.TargetOf(queueProperties["RedrivePolicy"]?["deadLetterTargetArn"]);
            dlq.ShouldNotBeNull($"{queue} has no redrive to a DLQ");
            _template.Resources[dlq]!["Type"]!.GetValue<string>().ShouldBe("AWS::SQS::Queue");

            // A message must stay invisible while a retry of it might still be running.
            var timeout = _template.FunctionProperty(function, "Timeout")!.GetValue<long>();
            queueProperties["VisibilityTimeout"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(6 * timeout, queue);
        }
    }

    [Fact]
    public void EveryFunction_HasAnExplicitRole_AndALogGroupWithRetention()
    {
        foreach (var (name, function) in Functions)
        {
            var properties = function["Properties"]!;

            // SAM's generated roles attach AWS managed policies with "*" resources; an explicit role keeps them exact.
            SamTemplate.TargetOf(properties["Role"]).ShouldNotBeNull($"{name} has no explicit role");
            properties["Policies"].ShouldBeNull(name);

            var logGroup = SamTemplate.TargetOf(properties["LoggingConfig"]?["LogGroup"]).ShouldNotBeNull(name);
            _template.PropertiesOf(logGroup)["RetentionInDays"].ShouldNotBeNull(logGroup);
        }
    }
}
