using System.Text.Json.Nodes;

namespace Monitor.Lambda.Tests.Template;

/// <summary>template.yaml against the SAM JSON schema (there is no working `sam validate` here).</summary>
public sealed class TemplateSchemaTests
{
    private static readonly Lazy<Draft4Validator> Validator = new(() =>
        new Draft4Validator(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Template", "Schema", "sam.schema.json")))!.AsObject()));

    [Fact]
    public void Template_IsValid_AgainstSamSchema()
    {
        var template = SamTemplate.Load();

        var errors = Validator.Value.Validate(SchemaView(template));

        errors.ShouldBeEmpty(string.Join('\n', errors.Take(20)));
    }

    [Fact]
    public void Template_HasSamResources_ForTheSchemaToCheck()
    {
        SamTemplate.Load().OfType("AWS::Serverless::Function").ShouldNotBeEmpty();
    }

    [Fact]
    public void Validator_RejectsMisspelledFunctionProperty()
    {
        var template = SamTemplate.Parse("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: .
                  Handler: x
                  Timeuot: 3
            """);

        var errors = Validator.Value.Validate(SchemaView(template));

        errors.ShouldContain(e => e.Contains("'Timeuot' is not allowed"));
    }

    [Fact]
    public void Validator_RejectsSqsEventWithUnknownProperty()
    {
        var template = SamTemplate.Parse("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: .
                  Handler: x
                  Events:
                    Q:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
                        FunctionResponseType: [ReportBatchItemFailures]
            """);

        Validator.Value.Validate(SchemaView(template)).ShouldNotBeEmpty();
    }

    [Fact]
    public void Parser_ExpandsShortFormTags()
    {
        var root = CloudFormationYaml.Parse("""
            A: !Ref X
            B: !GetAtt Q.Arn
            C: !Sub "${X}-y"
            D: !If [Cond, !Select [0, !Split [",", !Join [",", [a, b]]]], !Ref AWS::NoValue]
            E: !Not [!Equals [!Ref X, ""]]
            F: !Base64 text
            """);

        root["A"]!.ToJsonString().ShouldBe("""{"Ref":"X"}""");
        root["B"]!.ToJsonString().ShouldBe("""{"Fn::GetAtt":["Q","Arn"]}""");
        root["C"]!.ToJsonString().ShouldBe("""{"Fn::Sub":"${X}-y"}""");
        root["D"]!["Fn::If"]![1]!["Fn::Select"]![1]!["Fn::Split"]![1]!["Fn::Join"]![0]!.GetValue<string>().ShouldBe(",");
        root["E"]!["Fn::Not"]![0]!["Fn::Equals"]![0]!["Ref"]!.GetValue<string>().ShouldBe("X");
        root["F"]!["Fn::Base64"]!.GetValue<string>().ShouldBe("text");
    }

    // The schema covers the sections SAM transforms; Parameters, Rules and Outputs are plain CloudFormation.
    private static JsonObject SchemaView(SamTemplate template)
    {
        var view = new JsonObject { ["Resources"] = template.Resources.DeepClone() };
        if (template.Root["Globals"] is { } globals)
        {
            view["Globals"] = globals.DeepClone();
        }

        return view;
    }
}
