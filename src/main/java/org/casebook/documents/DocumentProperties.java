package org.casebook.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings for client documents.
 *
 * @param maxSize the largest file accepted ({@code casebook.documents.max-size}, default 20MB)
 */
@ConfigurationProperties("casebook.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize) {}
