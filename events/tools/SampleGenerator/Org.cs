/// <summary>The sample organisation: accounts, addresses, the story's keys and the user agents callers use.</summary>
internal static class Org
{
    public const string Prod = "111122223333";
    public const string Mgmt = "444455556666";
    public const string Bucket = "example-org-cloudtrail";
    public const string Office = "198.51.100.10";       // office NAT: the known root IP (2026-11-03)
    public const string CiRunner = "198.51.100.77";
    public const string ScannerHost = "198.51.100.40";
    public const string BobHome = "203.0.113.52";
    public const string CarolHome = "203.0.113.40";
    public const string Attacker = "203.0.113.66";      // password guessing, then root console
    public const string AttackerCli = "192.0.2.200";    // the new root access key is used from here
    public const string RootAccessKey = "AKIA5ROOTKEYEXAMPLE7";
    public const string RootConsoleKey = "ASIA3ROOTCONSOLEEXM1";
    public const string BenignRootConsoleKey = "ASIA3ROOTCONSOLEEXM0";
    public const string AssumeRootKey = "ASIA4ASSUMEROOTEXMPL";
    public const string LockedBucket = "example-prod-payments-data";
    public const string Vpce = "vpce-0a1b2c3d4e5f60718";
    public const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string MacChrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string Firefox = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    public const string S3Console = "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.770 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard]";
    public const string SsmAgent = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0";
    public const string AppSdk = "aws-sdk-java/2.28.16 Linux/6.1.112-122.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard";
    public const string LambdaSdk = "aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x";
    public const string Boto = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.15.0-1071-aws md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54";

    public static string Cli(string command) =>
        $"aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-1016-aws md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#{command}";

    public static string AttackerCliAgent(string command) =>
        $"aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#kali.2024 md/prompt#off md/command#{command}";
}
