package ru.promtour.reporting.csv.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import ru.promtour.reporting.csv.CsvTable;

/** Writes a {@link CsvTable} as {@code text/csv; charset=UTF-8}, as a download named after the report. */
public class CsvTableHttpMessageConverter extends AbstractHttpMessageConverter<CsvTable> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public CsvTableHttpMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return CsvTable.class.isAssignableFrom(clazz);
    }

    @Override
    protected CsvTable readInternal(Class<? extends CsvTable> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is an export format only", input);
    }

    @Override
    protected void writeInternal(CsvTable table, HttpOutputMessage output) throws IOException {
        output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename(table.filename(), StandardCharsets.UTF_8).build());
        output.getBody().write(table.bytes());
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return supports(clazz) ? List.of(TEXT_CSV) : List.of();
    }
}
