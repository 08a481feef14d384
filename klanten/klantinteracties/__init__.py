"""The Klantinteracties API 0.9.0 (read) at /klantinteracties/api/v1: the
platform's customers, contacts and contactverzoeken as KISS and Open
Inwoner read them from Open Klant.

What each resource is made of here:

- a **partij** is a customer (``klanten.Klant``): a person or an
  organisation, with its BSN, KVK number and vestigingsnummer as
  **partij-identificatoren**;
- a **klantcontact** is a contact moment (``klanten.Klantcontact``), with
  exactly one **betrokkene**: the customer, or the named caller of an
  anonymous contact;
- a **digitaal adres** is a customer's e-mail address or phone number, or
  the callback number or address a contactverzoek was given;
- an **interne taak** is a contactverzoek (``klanten.Contactverzoek``) that
  came from a contact;
- an **onderwerpobject** is a contact's link to its case, in the form KISS
  writes it (``zgw-Zaak`` in register ``openzaak`` by ``uuid``);
- an **actor** is a member of staff (a medewerker) or an afdeling
  (organisatorische eenheid).

Resources without a row of their own (betrokkene, onderwerpobject,
digitaal adres, partij-identificator) have the UUID of the row they are
made from with a fixed mask, so a detail is found back without a lookup
table.
"""
