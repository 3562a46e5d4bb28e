using System.Text.Json.Nodes;

internal sealed class LogObject(string account, string region, DateTime delivered, string suffix)
{
    public string Account => account;
    public string Region => region;
    public DateTime Delivered => delivered;
    public List<JsonObject> Records { get; } = [];

    public string Key =>
        $"AWSLogs/{account}/CloudTrail/{region}/{Time.Folder(delivered)}/{account}_CloudTrail_{region}_{Time.Stamp(delivered)}_{suffix}.json.gz";
}
