using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// Decodes an SQS message body into the log objects or inline CloudTrail records it announces. The body shapes are
/// the <see cref="InputShapes.MessageBodies"/>, each claiming a body by its root properties; a body that none claims,
/// or more than one, is rejected with the message id and what was wrong. Hostile input yields a rejection, never an
/// exception.
/// </summary>
internal static class EnvelopeDecoder
{
    private const int MaxPropertiesShown = 5;

    // Duplicate names are refused: a body whose fields read differently to different parsers is not to be trusted.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>Decodes one message body; the result is <see cref="Envelope.IsRejected"/> when the body is unusable.</summary>
    public static Envelope Decode(string messageId, string? body) =>
        DecodeText(body, new DecodeContext(messageId, ViaSns: false), "body");

    internal static Envelope DecodeText(string? text, DecodeContext context, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return context.Reject($"{what} is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(text, Strict);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? Dispatch(root, context)
                : context.Reject($"{what} is {JsonFields.Describe(root)}, expected a JSON object");
        }
        catch (JsonException e)
        {
            return context.Reject($"{what} is not JSON: {JsonFields.Quote(e.Message)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A lone surrogate, in the text itself (refused when transcoding to UTF-8) or written as a JSON
            // escape (refused only when that string is read), is text no AWS service sends.
            return context.Reject($"{what} holds a string that is not valid Unicode");
        }
    }

    private static Envelope Dispatch(JsonElement root, DecodeContext context)
    {
        var outline = InputOutline.Of(root);
        var claims = InputShapes.MessageBodies.Where(shape => shape.Claims(outline)).ToList();
        if (claims.Count == 0)
        {
            return context.Reject($"unrecognised JSON object {PropertyNames(root)}; expected "
                + string.Join(", ", InputShapes.MessageBodies.Select(shape => shape.Name)));
        }

        if (claims.Count > 1)
        {
            return context.Reject("ambiguous JSON object: it looks like " + string.Join(" and ", claims.Select(shape => shape.Name)));
        }

        return claims[0].Decode!(root, context);
    }

    private static string PropertyNames(JsonElement root)
    {
        var names = root.EnumerateObject().Select(property => JsonFields.Quote(property.Name)).ToList();
        return names.Count == 0
            ? "with no properties"
            : $"with properties {string.Join(", ", names.Take(MaxPropertiesShown))}{(names.Count > MaxPropertiesShown ? ", …" : "")}";
    }
}
