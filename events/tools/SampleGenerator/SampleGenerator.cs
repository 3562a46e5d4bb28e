// The sample day: which stories happen when, and in which delivered log object.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private const string East = "us-east-1";
    private const string West = "us-west-2";
    private readonly string _outDir;
    private readonly Ids _ids = new(20261110);
    private readonly Recorder _rec;
    private readonly List<LogObject> _objects = [];
    private readonly List<(string Label, JsonObject Record)> _story = [];

    // Stable principal ids (drawn once, in this order).
    private readonly string _deployBotId, _scannerId, _aliceId, _bobId;
    private readonly string _adminRoleId, _appRoleId, _ordersRoleId, _reportRoleId, _configRoleId, _backupRoleId;
    private readonly string _ciDeployRoleId, _ssoReadOnlyRoleId, _cfnRoleId;
    private readonly string _mgmtSsoRoleId, _orgSecurityAdminId, _mgmtConfigRoleId, _rotationRoleId;
    private readonly string _deployBotKey, _scannerKey;
    private readonly string _kmsKey, _secretsKey;

    public SampleGenerator(string outDir)
    {
        _outDir = outDir;
        _rec = new Recorder(_ids);
        _deployBotId = _ids.Principal("AIDA");
        _scannerId = _ids.Principal("AIDA");
        _aliceId = _ids.Principal("AIDA");
        _bobId = _ids.Principal("AIDA");
        _adminRoleId = _ids.Principal("AROA");
        _appRoleId = _ids.Principal("AROA");
        _ordersRoleId = _ids.Principal("AROA");
        _reportRoleId = _ids.Principal("AROA");
        _configRoleId = _ids.Principal("AROA");
        _backupRoleId = _ids.Principal("AROA");
        _ciDeployRoleId = _ids.Principal("AROA");
        _ssoReadOnlyRoleId = _ids.Principal("AROA");
        _cfnRoleId = _ids.Principal("AROA");
        _mgmtSsoRoleId = _ids.Principal("AROA");
        _orgSecurityAdminId = _ids.Principal("AROA");
        _mgmtConfigRoleId = _ids.Principal("AROA");
        _rotationRoleId = _ids.Principal("AROA");
        _deployBotKey = _ids.Key("AKIA");
        _scannerKey = _ids.Key("AKIA");
        _kmsKey = _ids.Uuid();
        _secretsKey = _ids.Uuid();
    }

    private const string SsoReadOnly = "AWSReservedSSO_ReadOnly_0f3a9c2e7b1d4e58";
    private const string SsoSecurityAdmin = "AWSReservedSSO_SecurityAdmin_5d2e8f1a9b3c7e40";

    public void Run()
    {
        BuildDays();
        Write();
    }

    private LogObject NewFile(string account, string region, DateTime delivered)
    {
        var f = new LogObject(account, region, delivered, _ids.FileSuffix());
        _objects.Add(f);
        return f;
    }

    private JsonObject Add(LogObject f, DateTime t, Actor actor, Call call)
    {
        var r = _rec.Record(t, f.Account, f.Region, actor, call);
        f.Records.Add(r);
        return r;
    }

    private JsonObject Story(string label, JsonObject record)
    {
        _story.Add((label, record));
        return record;
    }

    private void BuildDays()
    {
        // 2026-11-03: the benign root visit that makes 198.51.100.10 a known root IP.
        var nov3 = NewFile(Org.Prod, East, Time.At(2026, 11, 3, 15, 35, 0));
        Background(nov3, Time.At(2026, 11, 3, 14, 55, 0), Time.At(2026, 11, 3, 15, 30, 0), busy: false);
        BenignRoot(nov3, Time.At(2026, 11, 3, 15, 2, 11));

        // 2026-11-09, late evening.
        var nov9 = NewFile(Org.Prod, East, Time.At(2026, 11, 9, 23, 55, 0));
        Background(nov9, Time.At(2026, 11, 9, 23, 10, 0), Time.At(2026, 11, 9, 23, 50, 0), busy: false);
        NightlyReport(nov9, Time.At(2026, 11, 9, 23, 30, 4));

        // 2026-11-10.
        var w1 = Window(2, 0, 2, 25, busy: false);
        RootLoginFailure(w1, Time.At(2026, 11, 10, 2, 10, 37), "first");

        var w2 = Window(6, 0, 6, 35, busy: false);
        NightlyBackup(w2, Time.At(2026, 11, 10, 6, 2, 30));
        KmsRotation(w2, Time.At(2026, 11, 10, 6, 21, 44));
        SupportOnRootsBehalf(w2, Time.At(2026, 11, 10, 6, 14, 9));

        var w3 = Window(8, 40, 9, 20, busy: true);
        ExternalIdpFailure(w3, Time.At(2026, 11, 10, 8, 47, 31));
        var alice = HumanLogin(w3, "alice", _aliceId, Org.Office, Org.Firefox, Time.At(2026, 11, 10, 8, 52, 14));
        ConsoleBrowse(w3, alice, Time.At(2026, 11, 10, 8, 53, 30), Time.At(2026, 11, 10, 9, 19, 0), 28);
        Deploy(w3, Time.At(2026, 11, 10, 9, 4, 12), "gh-run-7731", announce: true);
        var bob = HumanLogin(w3, "bob", _bobId, Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 9, 15, 2));
        ConsoleBrowse(w3, bob, Time.At(2026, 11, 10, 9, 16, 0), Time.At(2026, 11, 10, 9, 19, 50), 6);

        var w4 = Window(9, 20, 10, 5, busy: true);
        RootLoginFailure(w4, Time.At(2026, 11, 10, 9, 41, 12), "second");
        ConsoleBrowse(w4, AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 9, 20, 0)), Time.At(2026, 11, 10, 9, 21, 0), Time.At(2026, 11, 10, 10, 4, 0), 30);
        var bob4 = AdminSession("bob", Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 9, 20, 0));
        ConsoleBrowse(w4, bob4, Time.At(2026, 11, 10, 9, 22, 0), Time.At(2026, 11, 10, 10, 3, 0), 18);
        BobWrites(w4, bob4, Time.At(2026, 11, 10, 9, 48, 20), first: true);

        var w5 = Window(10, 40, 11, 30, busy: true);
        var alice5 = AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 10, 40, 0));
        ConsoleBrowse(w5, alice5, Time.At(2026, 11, 10, 10, 41, 0), Time.At(2026, 11, 10, 11, 29, 0), 24);
        BucketLockout(w5, alice5, Time.At(2026, 11, 10, 10, 52, 10));
        CarolSso(w5, Time.At(2026, 11, 10, 11, 5, 40));
        var mgmt = NewFile(Org.Mgmt, East, Time.At(2026, 11, 10, 11, 45, 0));
        ManagementDay(mgmt, Time.At(2026, 11, 10, 11, 0, 0), Time.At(2026, 11, 10, 11, 40, 0));
        UnlockWithAssumeRoot(w5, Time.At(2026, 11, 10, 11, 23, 48));

        var w6 = Window(12, 0, 12, 45, busy: true);
        ConsoleBrowse(w6, AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 12, 0, 0)), Time.At(2026, 11, 10, 12, 1, 0), Time.At(2026, 11, 10, 12, 44, 0), 22);
        ConsoleBrowse(w6, CarolSession(Time.At(2026, 11, 10, 11, 5, 41)), Time.At(2026, 11, 10, 12, 3, 0), Time.At(2026, 11, 10, 12, 30, 0), 16);

        var west = NewFile(Org.Prod, West, Time.At(2026, 11, 10, 12, 45, 0));
        Background(west, Time.At(2026, 11, 10, 12, 0, 0), Time.At(2026, 11, 10, 12, 40, 0), busy: false);

        var w7 = Window(13, 10, 13, 55, busy: true);
        Deploy(w7, Time.At(2026, 11, 10, 13, 21, 5), "gh-run-7744", announce: false);
        DeployBotDenied(w7, Time.At(2026, 11, 10, 13, 40, 51));

        var w8 = Window(14, 30, 15, 20, busy: true);
        var bob8 = AdminSession("bob", Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 14, 30, 0));
        ConsoleBrowse(w8, bob8, Time.At(2026, 11, 10, 14, 31, 0), Time.At(2026, 11, 10, 15, 19, 0), 26);
        BobWrites(w8, bob8, Time.At(2026, 11, 10, 14, 44, 3), first: false);
        Deploy(w8, Time.At(2026, 11, 10, 15, 6, 40), "gh-run-7752", announce: false);

        var w9 = Window(16, 35, 17, 10, busy: true);
        RootLoginFailure(w9, Time.At(2026, 11, 10, 16, 55, 48), "third");

        var w10 = Window(17, 10, 17, 50, busy: false);
        RootTakeover(w10, Time.At(2026, 11, 10, 17, 20, 3));

        var w11 = Window(17, 50, 18, 30, busy: false);
        RootKeyUse(w11, Time.At(2026, 11, 10, 18, 5, 11));

        var w12 = Window(21, 0, 21, 40, busy: false);
        SecretRotation(w12, Time.At(2026, 11, 10, 21, 15, 0));
        NightlyReport(w12, Time.At(2026, 11, 10, 21, 30, 2));
    }

    private LogObject Window(int h0, int m0, int h1, int m1, bool busy)
    {
        var start = Time.At(2026, 11, 10, h0, m0, 0);
        var end = Time.At(2026, 11, 10, h1, m1, 0);
        var f = NewFile(Org.Prod, East, end.AddMinutes(5));
        Background(f, start, end, busy);
        return f;
    }
}
