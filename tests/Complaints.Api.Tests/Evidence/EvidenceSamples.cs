using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Complaints.Api.Tests.Evidence;

/// <summary>Files to upload, made in memory: real images with metadata, a PNG bomb written chunk by chunk, hand-built PDFs.</summary>
internal static class EvidenceSamples
{
    public static readonly Rgb24 Red = new(220, 20, 20);
    public static readonly Rgb24 Blue = new(20, 20, 220);

    /// <summary>Left half red, right half blue.</summary>
    public static Image<Rgb24> TwoTone(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x < width / 2 ? Red : Blue;
                }
            }
        });
        return image;
    }

    /// <summary>
    /// A 300 × 200 JPEG whose EXIF says "rotate 90° clockwise to display" (Orientation 6) and carries
    /// a GPS position, with XMP and IPTC as well: upright it is 200 wide, 300 tall, red on top.
    /// </summary>
    public static byte[] JpegWithGpsAndOrientation()
    {
        using var image = TwoTone(300, 200);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(25, 1), new Rational(2, 1), new Rational(3, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(102, 1), new Rational(42, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.ImageDescription, "GPS 25.0342N 102.7000E");
        exif.SetValue(ExifTag.Make, "TestPhone");
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"25,2.05N\"/></rdf:RDF></x:xmpmeta>"));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, "Kunming");
        image.Metadata.IptcProfile = iptc;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 95 });
        return output.ToArray();
    }

    /// <summary>The two-tone picture as a CMYK JPEG (as scanners and print workflows write them), with its CMYK ICC profile.</summary>
    public static byte[] CmykJpeg(int width, int height)
    {
        using var image = TwoTone(width, height);
        using var rgb = new MemoryStream();
        image.SaveAsPng(rgb);
        using var vips = NetVips.Image.NewFromBuffer(rgb.ToArray());
        using var cmyk = vips.Colourspace(NetVips.Enums.Interpretation.Cmyk);
        return cmyk.JpegsaveBuffer(q: 95);
    }

    /// <summary>A PNG with an eXIf chunk (GPS) and a text chunk naming a place.</summary>
    public static byte[] PngWithMetadata()
    {
        using var image = TwoTone(64, 48);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(25, 1), new Rational(2, 1), new Rational(3, 1)]);
        image.Metadata.ExifProfile = exif;
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", "GPS Kunming Wuhua", "", ""));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = TwoTone(width, height);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>The JPEG with its baseline frame header (SOF0) rewritten to claim another size; the scan data is unchanged.</summary>
    public static byte[] WithJpegFrameSize(byte[] jpeg, int width, int height)
    {
        var patched = jpeg.ToArray();
        var sof = patched.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(sof + 7), (ushort)width);
        return patched;
    }

    public static byte[] Webp(int width, int height, WebpFileFormatType format)
    {
        using var image = TwoTone(width, height);
        using var output = new MemoryStream();
        image.SaveAsWebp(output, new WebpEncoder { FileFormat = format });
        return output.ToArray();
    }

    /// <summary>
    /// A valid PNG whose header says <paramref name="width"/> × <paramref name="height"/> (1-bit grey),
    /// with all-zero rows: a few tens of kilobytes that would decode to gigabytes. Written chunk by
    /// chunk, never held as an image.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);

        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + ((width + 7) / 8)];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        WriteChunk(png, "IDAT", idat.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A minimal valid PDF (catalog, pages, one page with a text content stream), xref offsets exact.</summary>
    public static byte[] Pdf(string? extraCatalogEntries = null, string? extraObject = null, string? extraTrailerEntries = null) =>
        BuildPdf(
        [
            Encoding.ASCII.GetBytes($"<< /Type /Catalog /Pages 2 0 R {extraCatalogEntries}>>"),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"u8.ToArray(),
            Stream("BT /F1 24 Tf 72 760 Td (Evidence: receipt No. 42) Tj ET"u8.ToArray(), ""),
            .. extraObject is null ? Array.Empty<byte[]>() : [Encoding.ASCII.GetBytes(extraObject)],
        ], extraTrailerEntries);

    /// <summary>A PDF whose JavaScript action hides in a Flate-compressed object stream (PDF 1.5).</summary>
    public static byte[] PdfWithJavaScriptInObjectStream()
    {
        var hidden = "6 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>"u8.ToArray();
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(hidden);
        }

        return BuildPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"u8.ToArray(),
            Stream([], ""),
            Stream(compressed.ToArray(), "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode"),
        ], null);
    }

    private static byte[] Stream(byte[] data, string entries) =>
        [.. Encoding.ASCII.GetBytes($"<< {entries} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8.ToArray()];

    private static byte[] BuildPdf(byte[][] objects, string? extraTrailerEntries)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {extraTrailerEntries}>>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
