using Monitor.Envelopes;

namespace Monitor.Testing;

/// <summary>
/// Sample inputs of every shape in <see cref="InputShapes"/> that content tells apart, with the shape each has (null: none):
/// the documented payloads in <c>tests/Monitor.Core.Tests/Fixtures/formats</c>, every input file under <c>events/</c>,
/// and inline records where no file holds that shape. The one table the envelope decoder's and the replay classifier's
/// tests both go through.
/// </summary>
public static class InputSamples
{
    private const string Formats = "tests/Monitor.Core.Tests/Fixtures/formats/";

    // The log objects under events/objects are many; the folder each sits in says what it is.
    private static readonly (string Folder, InputShape Shape)[] ObjectFolders =
    [
        ("/CloudTrail-Digest/", InputShapes.CloudTrailDigest),
        ("/CloudTrail/", InputShapes.CloudTrailLog),
        ("events/objects/example-org-s3-access-logs/", InputShapes.AccessLog),
    ];

    public static IReadOnlyList<InputSample> All { get; } =
    [
        File(Formats + "cloudtrail-digest-file.json", InputShapes.CloudTrailDigest),
        File(Formats + "cloudtrail-log-file.json", InputShapes.CloudTrailLog),
        File(Formats + "cloudtrail-sns-message.json", InputShapes.CloudTrailNotice),
        File(Formats + "eventbridge-aws-api-call-via-cloudtrail.json", InputShapes.EventBridgeEvent),
        File(Formats + "eventbridge-console-sign-in-via-cloudtrail.json", InputShapes.EventBridgeEvent),
        File(Formats + "lambda-runtime-invocation-error.json", null),
        File(Formats + "s3-event-notification-object-created.json", InputShapes.S3Notification),
        File(Formats + "s3-server-access-log-sample.log", InputShapes.AccessLog),
        File(Formats + "s3-test-event.json", InputShapes.S3TestEvent),
        File(Formats + "sns-envelope-cloudtrail-notification.json", InputShapes.SnsNotification),
        File(Formats + "sqs-batch-response.json", null),
        File(Formats + "sqs-event-raw-s3-notification.json", InputShapes.SqsEvent),
        File(Formats + "sqs-event-sns-envelope.json", InputShapes.SqsEvent),
        File("events/00-sqs-role-story.json", InputShapes.SqsEvent),
        File("events/01-sqs-sns-s3-notification.json", InputShapes.SqsEvent),
        File("events/02-sqs-cloudtrail-sns-notice.json", InputShapes.SqsEvent),
        File("events/03-sqs-s3-notifications.json", InputShapes.SqsEvent),
        File("events/04-sqs-eventbridge.json", InputShapes.SqsEvent),
        File("events/05-eventbridge-root-console-login.json", InputShapes.EventBridgeEvent),
        File("events/06-sqs-digest-and-test.json", InputShapes.SqsEvent),
        File("events/07-sqs-access-log.json", InputShapes.SqsEvent),
        File("events/credentials/2026-06-15-legacy-sync.json.gz", InputShapes.CloudTrailLog),
        File("events/credentials/2026-11-10-dormant-wake-up.json.gz", InputShapes.CloudTrailLog),
        File("events/credentials/credential-report.csv", InputShapes.CredentialReport),
        File("events/stolen-workloads/111122223333_CloudTrail_us-east-1_20261110T0555Z_u6xqGlZQAxYCvDZH.json.gz", InputShapes.CloudTrailLog),
        File("events/stolen-workloads/111122223333_CloudTrail_us-east-1_20261110T1155Z_F2uTZLKpbZRxbr3o.json.gz", InputShapes.CloudTrailLog),
        File("events/stolen-workloads/111122223333_CloudTrail_us-east-1_20261110T1755Z_y8ddJDWpiPLo5xE4.json.gz", InputShapes.CloudTrailLog),
        File("events/stolen-workloads/111122223333_CloudTrail_us-east-1_20261110T2355Z_IZ0QQifqhQuISXwx.json.gz", InputShapes.CloudTrailLog),
        File("events/anonymous-data-events/111122223333_CloudTrail_us-east-1_20261110T0555Z_8k8xUgbhy7nLmX5r.json.gz", InputShapes.CloudTrailLog),
        File("events/anonymous-data-events/111122223333_CloudTrail_us-east-1_20261110T1155Z_vDsQSNb4mOGReRMQ.json.gz", InputShapes.CloudTrailLog),
        File("events/anonymous-data-events/111122223333_CloudTrail_us-east-1_20261110T1755Z_QPiqWxKCQBW1xBLm.json.gz", InputShapes.CloudTrailLog),
        File("events/anonymous-data-events/111122223333_CloudTrail_us-east-1_20261110T2355Z_VnnqaghWtYyT5KWj.json.gz", InputShapes.CloudTrailLog),
        File("events/persistence/111122223333_CloudTrail_us-east-1_20261110T0555Z_40aBVWNk7pF0cftF.json.gz", InputShapes.CloudTrailLog),
        File("events/persistence/111122223333_CloudTrail_us-east-1_20261110T1155Z_OvdZhkIcD043PhDC.json.gz", InputShapes.CloudTrailLog),
        File("events/least-privilege/2026-11-05-report-pipeline.json", InputShapes.CloudTrailLog),
        File("events/least-privilege/authorization-details.json", InputShapes.AuthorizationDetails),
        .. EventObjects(),
        Inline("a bare array of records", Some.CloudTrail.Array(Some.CloudTrail.Record(), Some.CloudTrail.Record()), InputShapes.CloudTrailRecords),
        Inline("one record", Some.CloudTrail.Record().ToJsonString(), InputShapes.CloudTrailRecord),
    ];

    public static InputSample Named(string name) => All.Single(sample => sample.Name == name);

    /// <summary>The sample names, as theory data (a name serialises; a sample would not).</summary>
    public static TheoryData<string> Names() => [.. All.Select(sample => sample.Name)];

    private static IEnumerable<InputSample> EventObjects() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "events", "objects"), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFolders.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => File(name, ObjectFolders.First(folder => name.Contains(folder.Folder, StringComparison.Ordinal)).Shape));

    private static InputSample File(string path, InputShape? shape) => new(path, shape, path, null);

    private static InputSample Inline(string name, string text, InputShape shape) => new(name, shape, null, text);
}
