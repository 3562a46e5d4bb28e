using System.Net;
using System.Net.Sockets;

namespace Monitor.Records;

/// <summary>A classified <c>sourceIPAddress</c>, with the network it belongs to (IPv4 /24, IPv6 /48).</summary>
public sealed record SourceAddress(string? Raw, SourceKind Kind, IPAddress? Address)
{
    public static readonly SourceAddress Missing = new(null, SourceKind.Missing, null);

    public bool IsNetworkAddress => Kind is SourceKind.Public or SourceKind.Private;

    /// <summary>The /24 (IPv4) or /48 (IPv6) network as text, or null for anything that is not an address.</summary>
    public string? Network => Address is null ? null : NetworkOf(Address);

    public static SourceAddress Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Missing;
        }

        if (raw.StartsWith("AWS Internal", StringComparison.OrdinalIgnoreCase))
        {
            return new SourceAddress(raw, SourceKind.AwsInternal, null);
        }

        // IPAddress.TryParse accepts "1.2" and leading zeros; CloudTrail addresses are dotted quads or IPv6.
        if (IsStrictAddress(raw) && IPAddress.TryParse(raw, out var address))
        {
            return new SourceAddress(raw, IsPrivate(address) ? SourceKind.Private : SourceKind.Public, address);
        }

        return raw.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || raw.EndsWith(".aws.internal", StringComparison.OrdinalIgnoreCase)
            ? new SourceAddress(raw, SourceKind.ServiceName, null)
            : new SourceAddress(raw, SourceKind.Invalid, null);
    }

    private static bool IsStrictAddress(string raw)
    {
        if (raw.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        var parts = raw.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC;
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] >= 64 && bytes[1] <= 127);
    }

    private static string NetworkOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }

        Array.Clear(bytes, 6, bytes.Length - 6);
        return new IPAddress(bytes) + "/48";
    }
}
