import Foundation
import TeamplotterCore
import TeamplotterFormats

/// The example team a new database starts with, so that a newcomer sees a full picture at once.
/// The texts are the project's examples/voorbeeldstad-*.csv, built into the program so that it
/// works wherever it is copied to; a test checks that they still read as the files do.
enum ExampleTeam {
    static let name = "Online team Voorbeeldstad"
    static let organisation = "Gemeente Voorbeeldstad (voorbeeld)"

    static let worksheet = #"""
        Functie;Naam;Uren per week;Taken;Rollen;Competenties
        Teamleider Dienstverlening;M. Jansen;36;"Aansturen team online
        Budget en planning
        Overleg met MT en bestuur";"Leidinggevende
        Verbinder";"Leidinggeven
        Verbinden
        Omgevingsbewustzijn"
        Strategisch adviseur dienstverlening;A. Bakker;32;"Visie online dienstverlening 2030 opstellen
        Afstemming met de I-strategie";"Visievormer
        Strateeg
        Adviseur dienstverlening";"Visie ontwikkelen
        Analytisch vermogen
        Overtuigingskracht"
        Webredacteur;S. de Boer;36;"Teksten website herschrijven op B1
        Beheer producten- en dienstencatalogus
        E-formulieren bouwen";"Contentmanager website
        Contentregisseur
        Webformulierenspecialist";"Schrijven op B1-niveau
        Toegankelijkheid (WCAG)"
        Webredacteur;K. Visser;24;"Nieuwsberichten plaatsen
        Maandrapportage bezoekcijfers";"Contentmanager website (70%)
        Web analist (30%)";"Schrijven op B1-niveau
        Webstatistieken"
        Communicatieadviseur;R. Smit;36;"Persvoorlichting
        Social media kalender";"Communicatieadviseur extern
        Woordvoerder
        Communitymanager";"Schrijven
        Stressbestendigheid"
        Medewerker KCC online;L. Meijer;28;Webcare via WhatsApp en chat;Online servicemedewerker;"Klantgerichtheid
        Schrijven op B1-niveau"
        Medewerker KCC online;Vacature;18;"Webcare via WhatsApp en chat
        Monitoren sociale media";"Online servicemedewerker
        Social media analist";Klantgerichtheid
        Functioneel beheerder;P. Mulder;36;"Beheer CMS en e-formulieren
        Koppeling met zaaksysteem testen";"Applicatiebeheerder
        Webformulierenspecialist";"Technisch inzicht
        Toegankelijkheid (WCAG)
        Privacy (AVG)"
        Informatieadviseur;D. de Graaf;22,5;"Dashboards klantcontact
        Processen in kaart brengen";"Data-analist
        Procesanalist";"Data-analyse
        Procesmodellering"
        """#

    static let needs = #"""
        Rol;Prioriteit;Gewenste fte;Minimaal aantal personen;Toelichting
        Leidinggevende;nodig;;;
        Visievormer;gewenst;;;
        Strateeg;nodig;0,5;;
        Procesmanager;gewenst;;;
        Verbinder;nodig;;;
        Beleidsmedewerker / adviseur dienstverlening;nodig;;;
        Beleidsmedewerker / adviseur nieuwe media;optioneel;;;
        Contentmanager alle kanalen;gewenst;;;
        Contentmanager website;nodig;1,5;2;
        Contentregisseur;nodig;;;
        Online servicemedewerker;nodig;1,5;2;Webcare ook buiten kantoortijden
        Community manager;gewenst;;;
        Communicatieadviseur extern;niet nodig;;;Ligt bij de afdeling Communicatie
        Communicatieadviseur intern;niet nodig;;;Ligt bij de afdeling Communicatie
        Woordvoerder;niet nodig;;;Ligt bij de afdeling Communicatie
        Applicatie-beheerder;nodig;1;2;
        Programmeur;gewenst;;;
        Webformulieren specialist;nodig;;;
        Website analist;nodig;0,5;;
        Social media analist;optioneel;;;
        Data analist;gewenst;;;
        Proces analist;gewenst;;;
        Usability expert;nodig;;;
        Ontwerper;optioneel;;;
        """#

    /// The example, read the way an upload is read.
    static var team: Team {
        do {
            var team = try TeamLoader.loadTeam(Data(worksheet.utf8), file: "voorbeeldstad-team.csv", teamName: name).team
            team.organisation = organisation
            team.needs = try TeamLoader.loadNeeds(Data(needs.utf8), file: "voorbeeldstad-behoefte.csv")
            return team
        } catch {
            // The texts are fixed and tested; failing here is a programming error.
            preconditionFailure("the built-in example does not read: \(error.problems.map { $0.formatted(.en) })")
        }
    }
}
