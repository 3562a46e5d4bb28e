using System.Text.Json;
using Monitor.Records;

namespace Monitor.Envelopes;

/// <summary>
/// Every input shape Monitor reads or passes over, named once, with what tells it apart and what it is. The envelope
/// decoder claims a message body by the shapes here that decode one, on root properties alone, and refuses a body two
/// of them claim; <c>monitor replay</c> gives a file the first shape in <see cref="All"/> that recognises its outline;
/// a notification's object key is passed over by the folders named here. A new shape added here is known to all three.
/// </summary>
public static class InputShapes
{
    /// <summary>An IAM credential report CSV, its header starting <c>user,arn,</c>.</summary>
    public static readonly InputShape CredentialReport = new("an IAM credential report", InputRole.CredentialReport)
    {
        // A file that starts like the report but differs still goes to the report reader, whose rejection names the
        // exact header expected.
        Marks = outline => outline.Head.Span.StartsWith("user,"u8) || outline.Head.Span.StartsWith("\"user\","u8),
    };

    /// <summary>An S3 server access log: its first line parses as an access-log line.</summary>
    public static readonly InputShape AccessLog = new("an S3 server access log", InputRole.Log)
    {
        Marks = outline => LogObjectReader.IsAccessLog(outline.Head.Span),
    };

    /// <summary>A Lambda SQS event: <c>{"Records":[{"messageId":...,"receiptHandle":...,"body":...}]}</c>.</summary>
    public static readonly InputShape SqsEvent = new("a Lambda SQS event", InputRole.MessageBatch)
    {
        Marks = outline => outline.Has("Records"),
        FirstRecordMarks = outline => outline.FirstRecordHas("messageId") || outline.FirstRecordHas("receiptHandle"),
    };

    /// <summary>An SNS notification delivered with raw message delivery off; its <c>Message</c> is a body of its own.</summary>
    public static readonly InputShape SnsNotification = new("an SNS notification", InputRole.Envelope)
    {
        Marks = outline => outline.Has("Type") && (outline.Has("TopicArn") || outline.Has("Message")),
        Decode = SnsShape.Decode,
    };

    /// <summary>An S3 event notification: <c>{"Records":[{"eventSource":"aws:s3","s3":{...}}]}</c>.</summary>
    public static readonly InputShape S3Notification = new("an S3 notification", InputRole.Envelope)
    {
        Marks = outline => outline.Has("Records"),
        FirstRecordMarks = outline => outline.FirstRecordHas("s3") || outline.FirstRecordEventSource == "aws:s3",
        Decode = S3NotificationShape.Decode,
    };

    /// <summary>A CloudTrail log file as S3 delivers it, <c>{"Records":[...]}</c>: any Records that is not an SQS event's or S3 notification's.</summary>
    public static readonly InputShape CloudTrailLog = new("a CloudTrail log", InputRole.Log)
    {
        Marks = outline => outline.Has("Records"),
    };

    /// <summary>The message S3 sends when a notification configuration changes: <c>{"Event":"s3:TestEvent",...}</c>.</summary>
    public static readonly InputShape S3TestEvent = new("an S3 test event", InputRole.Envelope)
    {
        Marks = outline => outline.Has("Event"),
        Decode = S3TestEventShape.Decode,
    };

    /// <summary>The notice a trail publishes to SNS after delivering logs: <c>{"s3Bucket":...,"s3ObjectKey":[...]}</c>.</summary>
    public static readonly InputShape CloudTrailNotice = new("a CloudTrail notice", InputRole.Envelope)
    {
        Marks = outline => outline.Has("s3Bucket") || outline.Has("s3ObjectKey"),
        Decode = CloudTrailNoticeShape.Decode,
    };

    /// <summary>A CloudTrail digest file (log file validation).</summary>
    public static readonly InputShape CloudTrailDigest = new("a CloudTrail digest file", InputRole.NoActivity)
    {
        Marks = outline => outline.Has("digestS3Object") || (outline.Has("digestStartTime") && outline.Has("logFiles")),
        PassOverReason = "CloudTrail digest file, not a log",
        KeyFolder = "CloudTrail-Digest",
    };

    /// <summary>A CloudTrail Insights file. Its content is <c>{"Records":[...]}</c> like a log's: only its folder tells it apart.</summary>
    public static readonly InputShape CloudTrailInsights = new("a CloudTrail Insights file", InputRole.NoActivity)
    {
        PassOverReason = "CloudTrail Insights file, not a log",
        KeyFolder = "CloudTrail-Insight",
    };

    /// <summary><c>aws iam get-account-authorization-details</c> output: what is granted, read by <c>report --granted</c>.</summary>
    public static readonly InputShape AuthorizationDetails = new("IAM authorization details", InputRole.NoActivity)
    {
        Marks = outline => outline.Has("UserDetailList") || outline.Has("RoleDetailList") || outline.Has("GroupDetailList"),
        PassOverReason = "IAM authorization details hold no activity (read by report --granted)",
    };

    /// <summary>
    /// An EventBridge event CloudTrail delivered, its <c>detail</c> one CloudTrail record: from a queue the decoder passes the
    /// record on inline; a file of it is read as a log (the CloudTrail reader takes the record from <c>detail</c>).
    /// </summary>
    public static readonly InputShape EventBridgeEvent = new("an EventBridge event", InputRole.Log)
    {
        Marks = outline => outline.Has("detail-type"),
        Decode = EventBridgeShape.Decode,
    };

    /// <summary>A bare array of CloudTrail records (as Stratus Red Team detonation logs are).</summary>
    public static readonly InputShape CloudTrailRecords = new("an array of CloudTrail records", InputRole.Log)
    {
        Marks = outline => outline.Root == JsonValueKind.Array,
    };

    /// <summary>One CloudTrail record on its own.</summary>
    public static readonly InputShape CloudTrailRecord = new("a CloudTrail record", InputRole.Log)
    {
        Marks = outline => outline.Has("eventVersion") || outline.Has("eventName") || outline.Has("userIdentity"),
    };

    /// <summary>
    /// Every shape, in the order a file is tested against them: shapes that share a root (the Records family) from the
    /// most particular to the least, and the message bodies in the order the decoder lists them when it recognises none.
    /// </summary>
    public static IReadOnlyList<InputShape> All { get; } =
    [
        CredentialReport, AccessLog, SqsEvent, SnsNotification, S3Notification, CloudTrailLog, S3TestEvent, CloudTrailNotice,
        CloudTrailDigest, CloudTrailInsights, AuthorizationDetails, EventBridgeEvent, CloudTrailRecords, CloudTrailRecord,
    ];

    /// <summary>The shapes a queue message body may take, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<InputShape> MessageBodies { get; } = [.. All.Where(shape => shape.IsMessageBody)];

    /// <summary>The shape of a file with this outline: the first in <see cref="All"/> that recognises it, or null.</summary>
    public static InputShape? Recognise(InputOutline outline) => All.FirstOrDefault(shape => shape.Recognises(outline));
}
