#pragma once

#include "common/error.h"
#include "moref.h"
#include "xmlelement.h"

#include <QObject>
#include <functional>

namespace xms::vsphere {

class Session;

// Waiting for a vSphere Task (PowerOffVM_Task …): polls Task.info until success or error. A failed task
// becomes the same typed error its fault would as a direct reply.
class Task
{
public:
    using Done = std::function<void(Result<XmlElement>)>; // TaskInfo.result (may be empty)

    // Polls every intervalMs; stops when context is destroyed.
    static void wait(Session& session, const MoRef& task, QObject* context, Done done, int intervalMs = 500);
};

} // namespace xms::vsphere
