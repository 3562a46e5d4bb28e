using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// One shape an input can take, as <see cref="InputShapes"/> names it: what it is, what tells it apart, and, for a
/// shape a queue message body may take, how it is decoded. Shapes are compared by identity.
/// </summary>
public sealed class InputShape
{
    internal InputShape(string name, InputRole role)
    {
        Name = name;
        Role = role;
    }

    /// <summary>How messages name it: "an S3 notification".</summary>
    public string Name { get; }

    public InputRole Role { get; }

    /// <summary>Why an input of this shape holds nothing to read; set when <see cref="Role"/> is <see cref="InputRole.NoActivity"/>.</summary>
    public string? PassOverReason { get; internal init; }

    /// <summary>The folder a trail delivers such objects under: a notification naming a key in it is passed over unread.</summary>
    public string? KeyFolder { get; internal init; }

    /// <summary>Whether a queue message body may take this shape (the envelope decoder claims and decodes it).</summary>
    public bool IsMessageBody => Decode is not null;

    /// <summary>The distinguishing root properties (or start of text); null when the content does not tell the shape apart.</summary>
    internal Func<InputOutline, bool>? Marks { get; init; }

    /// <summary>
    /// Tells apart shapes whose roots look alike (a log, an SQS event and an S3 notification all hold <c>Records</c>) by their
    /// first record. Only a file is told apart this way: a message body is claimed by its root alone, and the claiming
    /// shape's decoder says exactly what is wrong with its records.
    /// </summary>
    internal Func<InputOutline, bool>? FirstRecordMarks { get; init; }

    internal Func<JsonElement, DecodeContext, Envelope>? Decode { get; init; }

    /// <summary>Whether a file with this outline has this shape (the first such in <see cref="InputShapes.All"/> is the one it has).</summary>
    public bool Recognises(InputOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return Claims(outline) && (FirstRecordMarks?.Invoke(outline) ?? true);
    }

    /// <summary>Whether a message body with this outline is claimed by this shape, by its root alone.</summary>
    internal bool Claims(InputOutline outline) => Marks?.Invoke(outline) == true;

    public override string ToString() => Name;
}
