#pragma once

// Test data with raw JSON strings, kept out of the test sources: moc (Qt 6.4) stops parsing a file at
// some raw string literals and then generates nothing.

#include "xloud/catalog.h"

#include <QJsonArray>
#include <QList>

// Catalogs for endpoint resolution: the lab's (public, internal rows, a second Compute region), one with
// both Cinder v3 type names, one with only an image service.
QJsonArray labCatalog();
QJsonArray bothCinderTypes();
QJsonArray imageOnly();

// Error bodies as the lab's real Keystone, Cinder, Neutron and Glance (and the Nova emulator, which
// answers in Nova's fault format) sent them, with what XMS must make of them.
struct ErrorBodyCase
{
    const char* name;
    xms::xloud::Service service;
    int status;
    const char* body;
    const char* code; // expected Error code
    const char* mentions; // the message must contain this
};

const QList<ErrorBodyCase>& errorBodyCases();
