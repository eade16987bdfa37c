using System.Buffers.Binary;
using System.Text;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>Primitives of the JKS file format shared by <see cref="JksWriter"/> and <see cref="JksReader"/>.</summary>
public static class JksEncoding
{
    public const uint Magic = 0xFEEDFEED;
    public const int Version = 2;
    public const int PrivateKeyTag = 1;
    public const int TrustedCertificateTag = 2;
    public const string CertificateType = "X.509";

    /// <summary>Mixed into the integrity hash after the password, as every JKS implementation does.</summary>
    public static ReadOnlySpan<byte> IntegritySalt => "Mighty Aphrodite"u8;

    /// <summary>A Java char[] password as bytes: each UTF-16 code unit big-endian.</summary>
    public static byte[] PasswordBytes(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Encoding.BigEndianUnicode.GetBytes(password);
    }

    /// <summary>Java's DataOutput.writeUTF: a 2-byte length, then modified UTF-8 (NUL as two bytes, no 4-byte forms).</summary>
    public static void WriteUtf(Stream output, string value)
    {
        var bytes = new List<byte>(value.Length);
        foreach (var c in value)
        {
            if (c is >= '\u0001' and <= '\u007f')
            {
                bytes.Add((byte)c);
            }
            else if (c <= '\u07ff')
            {
                bytes.Add((byte)(0xC0 | (c >> 6)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
        }

        if (bytes.Count > ushort.MaxValue)
        {
            throw new ArgumentException("a JKS string is at most 65535 bytes", nameof(value));
        }

        WriteUInt16(output, (ushort)bytes.Count);
        output.Write([.. bytes]);
    }

    public static void WriteUInt16(Stream output, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        output.Write(buffer);
    }

    public static void WriteInt32(Stream output, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        output.Write(buffer);
    }

    public static void WriteInt64(Stream output, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        output.Write(buffer);
    }

    /// <summary>Reads writeUTF output (modified UTF-8 decodes as UTF-8 for everything a keystore alias holds).</summary>
    public static string ReadUtf(ref ReadOnlySpan<byte> input)
    {
        var length = ReadUInt16(ref input);
        var value = Encoding.UTF8.GetString(Take(ref input, length));
        return value.Replace("\u0000", "", StringComparison.Ordinal);
    }

    public static ushort ReadUInt16(ref ReadOnlySpan<byte> input) => BinaryPrimitives.ReadUInt16BigEndian(Take(ref input, 2));

    public static int ReadInt32(ref ReadOnlySpan<byte> input) => BinaryPrimitives.ReadInt32BigEndian(Take(ref input, 4));

    public static long ReadInt64(ref ReadOnlySpan<byte> input) => BinaryPrimitives.ReadInt64BigEndian(Take(ref input, 8));

    public static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> input, int length)
    {
        if (length < 0 || length > input.Length)
        {
            throw new FormatException("the keystore is truncated");
        }

        var taken = input[..length];
        input = input[length..];
        return taken;
    }
}
