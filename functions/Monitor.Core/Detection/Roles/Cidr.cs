using System.Net;
using System.Net.Sockets;

namespace Monitor.Detection.Roles;

/// <summary>An IPv4 or IPv6 network in CIDR notation.</summary>
public readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 1 or 2 } || !IPAddress.TryParse(parts[0], out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = max;
        if (parts.Length == 2 && (!int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out length) || length < 0 || length > max))
        {
            return false;
        }

        cidr = new Cidr(address, length);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = Network.GetAddressBytes();
        var bits = PrefixLength;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : 0xFF << (8 - bits) & 0xFF;
            if ((a[i] & mask) != (n[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
