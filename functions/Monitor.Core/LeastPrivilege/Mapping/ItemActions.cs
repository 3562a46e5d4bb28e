using System.Text.Json;
using Monitor.LeastPrivilege.Resources;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>An action one part of a call needed, on that part's resource.</summary>
internal sealed record ItemNeed(string Action, IReadOnlyList<string> Resources);

/// <summary>
/// Calls whose action depends on each item they carry: KMS ReEncrypt (From on the source key, To on the
/// destination), DynamoDB transactions (Put/Update/Delete/ConditionCheck per item) and PartiQL statements
/// (Select/Insert/Update/Delete by verb). An unreadable item yields nothing rather than a guess.
/// </summary>
internal static class ItemActions
{
    public static IReadOnlyList<ItemNeed>? For(string prefix, string eventName, Activity activity)
    {
        var parameters = activity.Record?.RequestParameters;
        return $"{prefix}:{eventName}" switch
        {
            "kms:ReEncrypt" => ReEncrypt(parameters, activity),
            "dynamodb:TransactWriteItems" or "dynamodb:TransactGetItems" => Transaction(parameters, activity),
            "dynamodb:ExecuteStatement" => Statements([RecordFields.StringIgnoringCase(parameters, "statement")], activity),
            "dynamodb:BatchExecuteStatement" => Statements(Nested(parameters, "statements", "statement"), activity),
            "dynamodb:ExecuteTransaction" => Statements(Nested(parameters, "transactStatements", "statement"), activity),
            _ => null,
        };
    }

    private static List<ItemNeed> ReEncrypt(JsonElement? parameters, Activity activity)
    {
        var needs = new List<ItemNeed>();
        if (Key(RecordFields.StringIgnoringCase(parameters, "sourceKeyId"), activity) is { } from)
        {
            needs.Add(new ItemNeed("kms:ReEncryptFrom", [from]));
        }

        if (Key(RecordFields.StringIgnoringCase(parameters, "destinationKeyId"), activity) is { } to)
        {
            needs.Add(new ItemNeed("kms:ReEncryptTo", [to]));
        }

        return needs;
    }

    private static string? Key(string? id, Activity activity)
    {
        if (string.IsNullOrEmpty(id) || id.Contains("alias/", StringComparison.Ordinal))
        {
            return null;
        }

        return id.StartsWith("arn:", StringComparison.Ordinal) ? id : $"arn:{Arn.PartitionOf(activity.Principal.Arn ?? activity.Principal.Key)}:kms:{activity.Region}:{activity.Account}:key/{id}";
    }

    private static List<ItemNeed> Transaction(JsonElement? parameters, Activity activity)
    {
        var needs = new List<ItemNeed>();
        if (RecordFields.FieldIgnoringCase(parameters, "transactItems") is not { ValueKind: JsonValueKind.Array } items)
        {
            return needs;
        }

        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            foreach (var part in item.EnumerateObject())
            {
                var action = part.Name.ToUpperInvariant() switch
                {
                    "PUT" => "dynamodb:PutItem",
                    "UPDATE" => "dynamodb:UpdateItem",
                    "DELETE" => "dynamodb:DeleteItem",
                    "CONDITIONCHECK" => "dynamodb:ConditionCheckItem",
                    "GET" => "dynamodb:GetItem",
                    _ => null,
                };
                if (action is not null && RecordFields.StringIgnoringCase(part.Value, "tableName") is { Length: > 0 } table)
                {
                    needs.Add(new ItemNeed(action, [Table(table, activity)]));
                }
            }
        }

        return needs;
    }

    private static List<ItemNeed> Statements(IEnumerable<string?> statements, Activity activity)
    {
        var needs = new List<ItemNeed>();
        foreach (var statement in statements.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var words = statement!.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            var verb = words[0].ToUpperInvariant();
            var action = verb switch
            {
                "SELECT" => "dynamodb:PartiQLSelect",
                "INSERT" => "dynamodb:PartiQLInsert",
                "UPDATE" => "dynamodb:PartiQLUpdate",
                "DELETE" => "dynamodb:PartiQLDelete",
                _ => null,
            };
            var tableAt = verb switch
            {
                "SELECT" or "DELETE" => Array.FindIndex(words, w => w.Equals("FROM", StringComparison.OrdinalIgnoreCase)) + 1,
                "INSERT" => Array.FindIndex(words, w => w.Equals("INTO", StringComparison.OrdinalIgnoreCase)) + 1,
                _ => 1,
            };
            if (action is not null && tableAt > 0 && tableAt < words.Length)
            {
                var table = words[tableAt].Trim('"', ';').Split('.')[0].Trim('"');
                needs.Add(new ItemNeed(action, [Table(table, activity)]));
            }
        }

        return needs;
    }

    private static string Table(string name, Activity activity) =>
        name.StartsWith("arn:", StringComparison.Ordinal) ? name : $"arn:{Arn.PartitionOf(activity.Principal.Arn ?? activity.Principal.Key)}:dynamodb:{activity.Region}:{activity.Account}:table/{name}";

    private static IEnumerable<string?> Nested(JsonElement? parameters, string array, string field) =>
        RecordFields.FieldIgnoringCase(parameters, array) is { ValueKind: JsonValueKind.Array } items
            ? items.EnumerateArray().Select(i => RecordFields.StringIgnoringCase(i, field))
            : [];
}
