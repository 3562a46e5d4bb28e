using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Monitor.Lambda.Tests.Template;

/// <summary>Every Ref, GetAtt, Sub variable, Condition and DependsOn in template.yaml names something that exists.</summary>
public sealed partial class TemplateReferenceTests
{
    private static readonly string[] PseudoParameters =
        ["AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName", "AWS::StackId", "AWS::NoValue", "AWS::URLSuffix", "AWS::NotificationARNs"];

    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void EveryRef_NamesAParameterResourceOrPseudoParameter()
    {
        var known = Referable();
        var refs = SamTemplate.Objects(_template.Root).Where(o => o.Node["Ref"] is JsonValue).Select(o => (o.Path, Name: o.Node["Ref"]!.GetValue<string>())).ToList();

        refs.ShouldNotBeEmpty();
        refs.Where(r => !known.Contains(r.Name)).ShouldBeEmpty();
    }

    [Fact]
    public void EveryGetAtt_NamesAResource()
    {
        var getAtts = SamTemplate.Objects(_template.Root).Where(o => o.Node["Fn::GetAtt"] is JsonArray).Select(o => (o.Path, Name: o.Node["Fn::GetAtt"]![0]!.GetValue<string>())).ToList();

        getAtts.ShouldNotBeEmpty();
        getAtts.Where(g => !_template.Resources.ContainsKey(g.Name)).ShouldBeEmpty();
    }

    [Fact]
    public void EverySubVariable_Resolves()
    {
        var known = Referable();
        var unresolved = new List<string>();
        foreach (var (path, node) in SamTemplate.Objects(_template.Root).Where(o => o.Node.ContainsKey("Fn::Sub")))
        {
            var sub = node["Fn::Sub"]!;
            var text = sub is JsonArray pair ? pair[0]!.GetValue<string>() : sub.GetValue<string>();
            var local = (sub as JsonArray)?[1] as JsonObject;
            foreach (Match match in SubVariable().Matches(text))
            {
                var name = match.Groups[1].Value;
                var resource = name.Split('.')[0];
                var resolves = local?.ContainsKey(name) == true
                    || (name.Contains('.', StringComparison.Ordinal) ? _template.Resources.ContainsKey(resource) : known.Contains(name));
                if (!resolves)
                {
                    unresolved.Add($"{path}: ${{{name}}}");
                }
            }
        }

        unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void EveryCondition_IsDeclared()
    {
        var conditions = _template.Section("Conditions");
        var used = _template.Resources.Select(r => r.Value?["Condition"]).Concat(_template.Section("Outputs").Select(o => o.Value?["Condition"]))
            .OfType<JsonValue>().Select(c => c.GetValue<string>())
            .Concat(SamTemplate.Objects(_template.Root).Where(o => o.Node["Fn::If"] is JsonArray).Select(o => o.Node["Fn::If"]![0]!.GetValue<string>()))
            .ToList();

        used.ShouldNotBeEmpty();
        used.Where(c => !conditions.ContainsKey(c)).ShouldBeEmpty();
    }

    [Fact]
    public void EveryDependsOn_NamesAResource()
    {
        var targets = _template.Resources.Select(r => r.Value?["DependsOn"]).Where(d => d is not null)
            .SelectMany(d => d is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [d!.GetValue<string>()]);

        targets.Where(t => !_template.Resources.ContainsKey(t)).ShouldBeEmpty();
    }

    [Fact]
    public void Checker_FindsADanglingReference()
    {
        var broken = SamTemplate.Parse("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt NoSuchQueue.Arn
            """);

        SamTemplate.Objects(broken.Root).Where(o => o.Node["Fn::GetAtt"] is JsonArray)
            .Select(o => o.Node["Fn::GetAtt"]![0]!.GetValue<string>())
            .ShouldContain("NoSuchQueue");
        broken.Resources.ContainsKey("NoSuchQueue").ShouldBeFalse();
    }

    private HashSet<string> Referable() =>
        [.. PseudoParameters, .. _template.Section("Parameters").Select(p => p.Key), .. _template.Resources.Select(r => r.Key)];

    // ${Name} or ${Resource.Attribute}; ${!Literal} is an escaped literal and not a variable.
    [GeneratedRegex(@"\$\{(?!!)([A-Za-z0-9:._]+)\}")]
    private static partial Regex SubVariable();
}
